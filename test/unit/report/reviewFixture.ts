import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { reviewPaths } from '../../../server/src/engine/review/reviewFiles';
import type { ReviewResult } from '../../../server/src/engine/review/reviewResult';

/** Writes files (relative path -> text) into a fresh temporary folder and returns the folder. */
export function writeWorkspace(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'apim-report-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Reviews a folder the way the CLI does. */
export function reviewFolder(root: string): ReviewResult {
  return reviewPaths([root], createAnalysisContext());
}
