import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, readCorpusText } from '../support/corpus';
import { FIXTURES } from '../support/paths';
import type { FuzzSource } from './policyFuzzer';

/** Hand-written policies used when the shared corpus is absent (and always, alongside it). */
export function fixturePolicies(): FuzzSource[] {
  const folder = join(FIXTURES, 'robustness');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name: `fixtures/robustness/${name}`, text: readFileSync(join(folder, name), 'utf8') }));
}

/** The corpus policy documents (MANIFEST order) followed by the fixtures; the fixtures alone when the corpus is absent. */
export function fuzzSources(): FuzzSource[] {
  const corpus = corpusFiles('policy-xml').map((file) => ({ name: file.relativePath, text: readCorpusText(file) }));
  return [...corpus, ...fixturePolicies()];
}
