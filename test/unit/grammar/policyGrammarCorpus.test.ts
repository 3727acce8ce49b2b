import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { FIXTURES, REPO_ROOT } from '../../support/paths';
import { csharpGrammarPath, loadPolicyGrammar, tokenize } from './policyTokenizer';

const CATALOG_PATH = resolve(REPO_ROOT, '..', 'shared', 'reference', 'policy-catalog.json');

interface UnbalancedFiles {
  readonly files: Record<string, string>;
}

const unbalanced = (JSON.parse(readFileSync(join(FIXTURES, 'grammar', 'corpus-unbalanced.json'), 'utf8')) as UnbalancedFiles).files;

/** Files where an expression or string runs on: it is still open at the end, or swallows an element tag. */
async function runawayFiles(withCsharp: boolean): Promise<string[]> {
  const grammar = await loadPolicyGrammar(withCsharp);
  const found: string[] = [];
  for (const file of corpusFiles('policy-xml')) {
    const tokenization = tokenize(grammar, readCorpusText(file));
    // A tag name directly under the root sits at depth 3: root scope, meta.tag.xml, the name scope.
    const swallowedTag = tokenization.tokens.some(
      (token) => token.scopes.some((scope) => scope.startsWith('entity.name.tag.structure')) && token.scopes.length !== 3,
    );
    if (tokenization.finalDepth !== 1 || swallowedTag) found.push(file.relativePath);
  }
  return found.sort();
}

test('every corpus policy returns to the top level after its expressions, except the listed broken files', { skip: CORPUS_SKIP }, async () => {
  assert.deepEqual(await runawayFiles(false), Object.keys(unbalanced).sort());
});

test('the same holds with the real C# grammar', {
  skip: CORPUS_SKIP || (csharpGrammarPath() === undefined ? 'tm-grammars is not installed' : false),
}, async () => {
  assert.deepEqual(await runawayFiles(true), Object.keys(unbalanced).sort());
});

test('every policy in the reference catalog gets the policy scope, every structural element the structure scope', async (t) => {
  if (!existsSync(CATALOG_PATH)) {
    t.skip('../shared/reference/policy-catalog.json not found');
    return;
  }
  const catalog = JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as { name: string; structural?: boolean }[];
  const grammar = await loadPolicyGrammar(false);
  for (const entry of catalog) {
    const tokenization = tokenize(grammar, `<${entry.name} />`);
    const name = tokenization.tokens[1];
    const expected = entry.structural ? 'entity.name.tag.structure.apim-policy' : 'entity.name.tag.policy.apim-policy';
    assert.equal(name.text, entry.name);
    assert.ok(name.scopes.includes(expected), `${entry.name}: ${name.scopes.join(' ')}`);
  }
});
