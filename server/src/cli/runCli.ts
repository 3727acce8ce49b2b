import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnalysisContext } from '../engine/analysis/defaultAnalysisContext';
import { listDiskFolder } from '../engine/files/diskFiles';
import { DEFAULT_MAX_READ_BYTES, readGuardedFile } from '../engine/files/guardedRead';
import { guardedReader } from '../engine/files/guardedReader';
import { parseConfig } from '../engine/config/parseConfig';
import { severityRank } from '../engine/findings/finding';
import { oneLine } from '../engine/report/formatters/oneLine';
import { REPORT_FORMATTERS } from '../engine/report/formatters/formatters';
import { reviewPaths } from '../engine/review/reviewFiles';
import type { ReviewResult } from '../engine/review/reviewResult';
import { MissingPathError } from '../engine/review/workspaceFiles';
import { allRuleMetas } from '../engine/rules/ruleCatalog';
import { LineMap } from '../engine/text/lineMap';
import { type CliArguments, parseCliArguments, USAGE, UsageError, type FailOn } from './cliArguments';
import { withConfigOverlay } from './cliContext';
import { progressLine } from './progressLine';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
  /** Report paths are relative to this folder (the working directory); defaults to process.cwd(). */
  readonly cwd?: string;
  /** A progress line goes to stderr only when it is a terminal. */
  readonly stderrIsTerminal?: boolean;
}

/** Problems in an explicit `--config` file, one message per problem; a string when the file cannot be read. */
function configProblems(path: string): string[] | string {
  const read = readGuardedFile(path, { roots: [path], maxBytes: DEFAULT_MAX_READ_BYTES });
  if (read.kind === 'missing') return 'it does not exist';
  if (read.kind === 'skipped') return read.reason;
  const lineMap = new LineMap(read.text);
  return parseConfig(read.text).findings.map((finding) => {
    const position = lineMap.positionAt(finding.span.start);
    return `${oneLine(path)}:${position.line + 1}:${position.character + 1} ${finding.message}`;
  });
}

/** Runs the CLI and returns its exit code; all output goes through `io` so tests can capture it. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv, Object.keys(REPORT_FORMATTERS), new Set(allRuleMetas().map((meta) => meta.id)));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`apim-studio: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  if (args.command === 'version') {
    io.stdout(`${io.version}\n`);
    return EXIT_CLEAN;
  }
  if (args.config !== undefined) {
    const problems = configProblems(args.config);
    if (typeof problems === 'string' || problems.length > 0) {
      io.stderr(
        typeof problems === 'string'
          ? `apim-studio: cannot read the config file ${oneLine(args.config)}: ${problems}\n`
          : problems.map((problem) => `apim-studio: ${problem}\n`).join(''),
      );
      return EXIT_USAGE_OR_IO;
    }
  }
  // Config files in parent folders, parameter files and every other file are read alike: links only into what is reviewed.
  const configRoots = [...args.paths, ...(args.config === undefined ? [] : [args.config])];
  const readConfig = guardedReader(
    () => ({ roots: configRoots, maxBytes: DEFAULT_MAX_READ_BYTES }),
    (path, reason) => io.stderr(`apim-studio: skipped ${oneLine(path)}: ${reason}\n`),
  );
  const context = withConfigOverlay(createAnalysisContext(undefined, args.config, { ...readConfig, listFolder: listDiskFolder }), {
    rules: args.rules,
    environment: args.environment,
  });
  const progress = io.stderrIsTerminal === true ? progressLine(io.stderr) : undefined;
  let result: ReviewResult;
  try {
    result = reviewPaths(args.paths, context, progress?.onProgress);
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error;
    io.stderr(`apim-studio: ${error.message}\n`);
    return EXIT_USAGE_OR_IO;
  } finally {
    progress?.finish();
  }
  const report = REPORT_FORMATTERS[args.format](result, { baseFolder: io.cwd ?? process.cwd(), toolVersion: io.version });
  if (args.output) {
    const targets = outputTargets(args.output);
    if ([...result.files, ...result.errors].some((file) => targets.has(file.path))) {
      io.stderr(`apim-studio: --output ${oneLine(args.output)} is one of the files being reviewed; write the report elsewhere.\n`);
      return EXIT_USAGE_OR_IO;
    }
    try {
      writeFileSync(args.output, report);
    } catch (error) {
      io.stderr(`apim-studio: cannot write ${args.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE_OR_IO;
    }
  } else {
    io.stdout(report);
  }
  for (const skipped of result.skipped) io.stderr(`apim-studio: skipped ${oneLine(skipped.path)}: ${oneLine(skipped.message)}\n`);
  for (const failure of result.errors) io.stderr(`apim-studio: cannot read ${oneLine(failure.path)}: ${oneLine(failure.message)}\n`);
  for (const failure of result.ruleFailures)
    io.stderr(`apim-studio: rule ${failure.ruleId} failed on ${oneLine(failure.path)}: ${oneLine(failure.message)} (please report this)\n`);
  if (result.errors.length > 0) return EXIT_USAGE_OR_IO;
  return hasFindingAtOrAbove(result, args.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The paths `--output` would write: as given and, through a link, the file it reaches. */
function outputTargets(output: string): Set<string> {
  const targets = new Set([resolve(output)]);
  try {
    targets.add(realpathSync(output));
  } catch {
    // Not there yet: nothing reviewed is behind it.
  }
  return targets;
}

function hasFindingAtOrAbove(result: ReviewResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn);
  return result.files.some((file) => file.findings.some((finding) => severityRank(finding.severity) <= threshold));
}
