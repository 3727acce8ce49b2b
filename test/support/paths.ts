import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The repository root (tests run compiled from out/test/**). */
export const REPO_ROOT = findRepoRoot(__dirname);

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

/** `../shared/corpus` beside the clone; absent in a user's clone, so tests that read it skip with a note. */
export const CORPUS_ROOT = resolve(REPO_ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_ROOT, 'MANIFEST.tsv'));
}
