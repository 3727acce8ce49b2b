import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_ROOT, corpusAvailable } from './paths';

export type CorpusKind = 'policy-xml' | 'arm-json' | 'apiops-json' | 'apiops-yaml';

export interface CorpusFile {
  /** Path relative to the corpus root, as in MANIFEST.tsv. */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: CorpusKind;
}

/** Files of the shared corpus of a kind; empty (with a printed note) when the corpus is absent. */
export function corpusFiles(kind: CorpusKind): CorpusFile[] {
  if (!corpusAvailable()) {
    console.log(`note: ../shared/corpus not found; corpus tests for ${kind} skipped`);
    return [];
  }
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
