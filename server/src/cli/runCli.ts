import { writeFileSync } from 'node:fs';
import { createAnalysisContext } from '../engine/analysis/defaultAnalysisContext';
import { severityRank } from '../engine/findings/finding';
import { REPORT_FORMATTERS } from '../engine/report/formatters/formatters';
import { reviewPaths } from '../engine/review/reviewFiles';
import type { ReviewResult } from '../engine/review/reviewResult';
import { MissingPathError } from '../engine/review/workspaceFiles';
import { parseCliArguments, USAGE, UsageError, type FailOn } from './cliArguments';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
}

/** Runs the CLI and returns its exit code; all output goes through `io` so tests can capture it. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args;
  try {
    args = parseCliArguments(argv, Object.keys(REPORT_FORMATTERS));
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
  let result: ReviewResult;
  try {
    result = reviewPaths(args.paths, createAnalysisContext());
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error;
    io.stderr(`apim-studio: ${error.message}\n`);
    return EXIT_USAGE_OR_IO;
  }
  const report = REPORT_FORMATTERS[args.format](result);
  if (args.output) {
    try {
      writeFileSync(args.output, report);
    } catch (error) {
      io.stderr(`apim-studio: cannot write ${args.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE_OR_IO;
    }
  } else {
    io.stdout(report);
  }
  for (const failure of result.errors) io.stderr(`apim-studio: cannot read ${failure.path}: ${failure.message}\n`);
  for (const failure of result.ruleFailures) io.stderr(`apim-studio: rule ${failure.ruleId} failed on ${failure.path}: ${failure.message} (please report this)\n`);
  if (result.errors.length > 0) return EXIT_USAGE_OR_IO;
  return hasFindingAtOrAbove(result, args.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function hasFindingAtOrAbove(result: ReviewResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn);
  return result.files.some((file) => file.findings.some((finding) => severityRank(finding.severity) <= threshold));
}
