import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { PolicyExpression, XmlNode } from '../../../server/src/engine/policy/syntaxTree';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { FIXTURES } from '../../support/paths';
import { csharpGrammarPath, loadPolicyGrammar, tokenize, type PolicyToken } from './policyTokenizer';

const unbalanced = (JSON.parse(readFileSync(join(FIXTURES, 'grammar', 'corpus-unbalanced.json'), 'utf8')) as { files: Record<string, string> }).files;

/** Expressions in attribute values and element text; the parser caps depth, so recursion is bounded. */
function expressionsOf(nodes: readonly XmlNode[], into: PolicyExpression[]): PolicyExpression[] {
  for (const node of nodes) {
    if (node.kind === 'element') {
      for (const attribute of node.attributes) {
        for (const embedded of attribute.embedded) if (embedded.kind === 'expression') into.push(embedded);
      }
      expressionsOf(node.children, into);
    } else if (node.kind === 'text') {
      for (const embedded of node.embedded) if (embedded.kind === 'expression') into.push(embedded);
    }
  }
  return into;
}

const OPENER = 'keyword.other.expression.apim-policy';

/** Where the grammar disagrees with the parser about where an expression starts and ends. */
function disagreements(grammar: IGrammar, relativePath: string, text: string): string[] {
  const tokens = tokenize(grammar, text).tokens;
  const lines = new LineMap(text);
  const tokenAtOffset = (offset: number): PolicyToken | undefined => {
    const { line, character } = lines.positionAt(offset);
    return tokens.find((token) => token.line === line && token.start <= character && character < token.end);
  };
  const where = (offset: number): string => {
    const { line, character } = lines.positionAt(offset);
    return `${relativePath}:${line + 1}:${character + 1}`;
  };
  const found: string[] = [];
  const expressions = expressionsOf(parsePolicy(text).document.children, []);
  for (const expression of expressions.filter((candidate) => candidate.closed)) {
    const opener = tokenAtOffset(expression.span.start);
    const closer = tokenAtOffset(expression.span.end - 1);
    if (!opener?.scopes.includes(OPENER) || !closer?.scopes.includes('punctuation.section.embedded.end.apim-policy')) {
      found.push(`parser-only ${where(expression.span.start)}`);
    }
  }
  // The other way round: every expression the grammar opens outside CDATA (which the parser leaves as data)
  // is one the parser found.
  const starts = new Set(expressions.map((expression) => expression.span.start));
  for (const token of tokens) {
    if (!token.scopes.includes(OPENER) || token.scopes.includes('string.unquoted.cdata.xml')) continue;
    const offset = lines.offsetAt({ line: token.line, character: token.start });
    if (!starts.has(offset)) found.push(`grammar-only ${where(offset)}`);
  }
  return found;
}

async function corpusDisagreements(withCsharp: boolean): Promise<string[]> {
  const grammar = await loadPolicyGrammar(withCsharp);
  return corpusFiles('policy-xml')
    .filter((file) => !(file.relativePath in unbalanced))
    .flatMap((file) => disagreements(grammar, file.relativePath, readCorpusText(file)));
}

test('grammar and parser agree on where each expression of the grammar fixture starts and ends', async () => {
  const text = readFileSync(join(FIXTURES, 'grammar', 'expressions.policy.xml'), 'utf8');
  assert.equal(expressionsOf(parsePolicy(text).document.children, []).length, 4);
  assert.deepEqual(disagreements(await loadPolicyGrammar(false), 'fixture', text), []);
});

test('grammar and parser agree on every expression in the corpus', { skip: CORPUS_SKIP }, async () => {
  assert.deepEqual(await corpusDisagreements(false), []);
});

test('the same holds with the real C# grammar', {
  skip: CORPUS_SKIP || (csharpGrammarPath() === undefined ? 'tm-grammars is not installed' : false),
}, async () => {
  assert.deepEqual(await corpusDisagreements(true), []);
});
