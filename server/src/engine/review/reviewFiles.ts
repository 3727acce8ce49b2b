import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { analyseDocument } from '../analysis/analyseDocument';
import type { AnalysisContext } from '../analysis/analysisContext';
import { readGuardedFile, type GuardedRead } from '../files/guardedRead';
import { PolicyWorkspace } from '../workspace/policyWorkspace';
import { DOCUMENT_KINDS, documentKindFor } from '../documents/documentKinds';
import type { RuleFailure } from '../rules/runRules';
import { LineMap } from '../text/lineMap';
import type { FileError, FileReview, ReviewResult } from './reviewResult';
import { listWorkspaceFiles, MissingPathError } from './workspaceFiles';
import { appendAll } from '../collections/appendAll';

/** The extensions any document kind reads. */
export function reviewedExtensions(): ReadonlySet<string> {
  return new Set(DOCUMENT_KINDS.flatMap((kind) => kind.fileExtensions));
}

/**
 * Characters per byte are at most 1 in UTF-8 and UTF-16, and a character may take up to 3 bytes: files up to
 * this many times the analysis limit are read (and then reported as too large by analysis, not skipped).
 */
const READ_LIMIT_PER_DOCUMENT_LIMIT = 3;

/**
 * Reads each file once, however many times discovery, effective policy and analysis ask for it, through the
 * guarded read: symbolic links only into the reviewed paths, regular files only, a size limit.
 */
function cachedReader(paths: readonly string[], maxDocumentSize: number, skipped: FileError[]): (path: string) => GuardedRead {
  const reads = new Map<string, GuardedRead>();
  const limits = { roots: paths.map((path) => resolve(path)), maxBytes: maxDocumentSize * READ_LIMIT_PER_DOCUMENT_LIMIT };
  return (path) => {
    let read = reads.get(path);
    if (read === undefined) {
      read = readGuardedFile(path, limits);
      reads.set(path, read);
      if (read.kind === 'skipped') skipped.push({ path, message: `not read: ${read.reason}` });
    }
    return read;
  };
}

function textOf(read: GuardedRead): string | undefined {
  return read.kind === 'text' ? read.text : undefined;
}

/** One PolicyWorkspace per folder argument: an APIOps tree is reviewed with its scopes and effective policies. */
function workspacesOf(paths: readonly string[], files: readonly string[], read: (path: string) => string | undefined): PolicyWorkspace[] {
  const workspaces: PolicyWorkspace[] = [];
  for (const given of paths) {
    const root = resolve(given);
    let isFolder = false;
    try {
      isFolder = statSync(root).isDirectory();
    } catch {
      throw new MissingPathError(given);
    }
    if (!isFolder) continue;
    const prefix = root.endsWith(sep) ? root : root + sep;
    const relative = files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split(sep).join('/'));
    workspaces.push(PolicyWorkspace.load(root, relative, (path) => read(join(root, path))));
  }
  return workspaces;
}

/** Reports how far a review got: documents analysed so far, out of the documents found (the report's document count). */
export type ReviewProgress = (done: number, total: number) => void;

/**
 * The context a review may be given: the editor passes its own `workspaceFor`, used for files that no
 * folder argument covers (reviewing one file still sees its APIOps tree).
 */
export type ReviewContext = Omit<AnalysisContext, 'workspaceFor'> & Partial<Pick<AnalysisContext, 'workspaceFor'>>;

/**
 * The review, one file per step: yields progress before each file and returns the result. Shared by the
 * synchronous CLI path and the cancellable editor path.
 */
function* reviewSteps(paths: readonly string[], baseContext: ReviewContext): Generator<{ done: number; total: number }, ReviewResult> {
  const files: FileReview[] = [];
  const errors: FileError[] = [];
  const failures: { path: string; failure: RuleFailure }[] = [];
  const skipped: FileError[] = [];
  const readFile = cachedReader(paths, baseContext.settings.maxDocumentSize, skipped);
  const read = (path: string): string | undefined => textOf(readFile(path));
  const listed = listWorkspaceFiles(paths, reviewedExtensions());
  const workspaces = workspacesOf(paths, listed, read);
  const context: AnalysisContext = {
    ...baseContext,
    files: {
      readText: read,
      listFolder: (path) => baseContext.files.listFolder(path),
      notRead: (path) => {
        const fileRead = readFile(path);
        return fileRead.kind === 'skipped' ? fileRead.reason : undefined;
      },
    },
    workspaceFor: (path) =>
      workspaces.filter((workspace) => workspace.relativePathOf(path) !== undefined).sort((a, b) => b.root.length - a.root.length)[0] ??
      baseContext.workspaceFor?.(path),
    // Files do not change during a review, so an API's own reports are computed once for all its operations.
    apiReportsCache: new Map(),
  };
  // Only files some kind claims are documents: the progress counts them as the report does.
  const documents: string[] = [];
  for (const path of listed) {
    const fileRead = readFile(path);
    if (fileRead.kind === 'skipped') continue;
    if (fileRead.kind === 'missing') errors.push({ path, message: 'the file could not be read' });
    else if (documentKindFor({ path, text: fileRead.text }, context.files)) documents.push(path);
  }
  let documentCount = 0;
  for (const [index, path] of documents.entries()) {
    yield { done: index, total: documents.length };
    const text = read(path) ?? '';
    const analysis = analyseDocument({ path, text }, context);
    if (analysis.kindId === undefined) continue;
    documentCount++;
    appendAll(
      failures,
      analysis.failures.map((failure) => ({ path, failure })),
    );
    files.push({ path, kindId: analysis.kindId, text, lineMap: new LineMap(text), findings: analysis.findings });
  }
  return {
    documentCount,
    files,
    errors,
    skipped,
    ruleFailures: failures.map(({ path, failure }) => ({
      path,
      ruleId: failure.ruleId,
      message: failure.error instanceof Error ? failure.error.message : String(failure.error),
    })),
    workspaces,
  };
}

/** Reviews every document under `paths` (files or folders). Throws MissingPathError for a path that does not exist. */
export function reviewPaths(paths: readonly string[], baseContext: ReviewContext, onProgress?: ReviewProgress): ReviewResult {
  const steps = reviewSteps(paths, baseContext);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.done, step.value.total);
  }
}

/** Files reviewed between two turns of the event loop, so a cancellation request can arrive. */
const FILES_PER_TURN = 20;

/**
 * Like reviewPaths, but gives the event loop a turn every few files and stops (returning undefined) once
 * `isCancelled` says so. For the language server, whose cancellation and progress messages need the loop.
 */
export async function reviewPathsCancellable(
  paths: readonly string[],
  baseContext: ReviewContext,
  onProgress: ReviewProgress,
  isCancelled: () => boolean,
): Promise<ReviewResult | undefined> {
  const steps = reviewSteps(paths, baseContext);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value.done % FILES_PER_TURN === 0) {
      onProgress(step.value.done, step.value.total);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isCancelled()) return undefined;
    }
  }
}
