import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_ROOT, corpusAvailable } from './paths';

export type CorpusKind = 'policy-xml' | 'arm-json' | 'apiops-json' | 'apiops-yaml' | 'bicep' | 'terraform';

export interface CorpusFile {
  /** Path relative to the corpus root, as in MANIFEST.tsv. */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: CorpusKind;
}

/**
 * The `skip` option of every test that reads the corpus: in a clone without `../shared/corpus` such a test is
 * reported as skipped, never as a pass over zero files.
 */
export const CORPUS_SKIP: string | false = corpusAvailable() ? false : '../shared/corpus not found';

/** Files of the shared corpus of a kind; empty when the corpus is absent (tests using them carry CORPUS_SKIP). */
export function corpusFiles(kind: CorpusKind): CorpusFile[] {
  if (!corpusAvailable()) return [];
  const rows = readFileSync(join(CORPUS_ROOT, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1);
  const files: CorpusFile[] = [];
  for (const row of rows) {
    const columns = row.split('\t');
    if (columns.length < 6 || columns[5] !== kind) continue;
    files.push({ relativePath: columns[0], absolutePath: join(CORPUS_ROOT, columns[0]), kind });
  }
  return files;
}

export function readCorpusText(file: CorpusFile): string {
  return readFileSync(file.absolutePath, 'utf8');
}
