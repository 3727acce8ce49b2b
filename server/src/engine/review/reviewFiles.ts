import { readFileSync } from 'node:fs';
import { analyseDocument } from '../analysis/analyseDocument';
import type { AnalysisContext } from '../analysis/analysisContext';
import { DOCUMENT_KINDS } from '../documents/documentKinds';
import { LineMap } from '../text/lineMap';
import type { FileError, FileReview, ReviewResult } from './reviewResult';
import { listWorkspaceFiles } from './workspaceFiles';

/** The extensions any document kind reads. */
export function reviewedExtensions(): ReadonlySet<string> {
  return new Set(DOCUMENT_KINDS.flatMap((kind) => kind.fileExtensions));
}

/** Reviews every document under `paths` (files or folders). Throws MissingPathError for a path that does not exist. */
export function reviewPaths(paths: readonly string[], context: AnalysisContext): ReviewResult {
  const files: FileReview[] = [];
  const errors: FileError[] = [];
  let documentCount = 0;
  for (const path of listWorkspaceFiles(paths, reviewedExtensions())) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      errors.push({ path, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const analysis = analyseDocument({ path, text }, context);
    if (analysis.kindId === undefined) continue;
    documentCount++;
    files.push({ path, kindId: analysis.kindId, lineMap: new LineMap(text), findings: analysis.findings });
  }
  return { documentCount, files, errors };
}
