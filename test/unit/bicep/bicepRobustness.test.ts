import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MAX_BICEP_DEPTH, parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import { collectBicepResources } from '../../../server/src/engine/templates/bicep/bicepResources';
import { createBicepScope, evaluateBicepValue } from '../../../server/src/engine/templates/bicep/bicepEvaluation';
import { FIXTURES } from '../../support/paths';
import { assertSpansInside, treeHeight } from './bicepTreeChecks';

const fixture = readFileSync(join(FIXTURES, 'bicep', 'apim-full.bicep'), 'utf8');
const smallFixture = readFileSync(join(FIXTURES, 'bicep', 'small-policy.bicep'), 'utf8');

/** Parses, collects resources and evaluates every variable: none of it may throw, and spans stay inside. */
function checkTolerant(text: string, label: string): void {
  const result = parseBicep(text);
  assertSpansInside(result, text.length, label);
  const resources = collectBicepResources(result.file);
  const scope = createBicepScope(result.file);
  for (const declaration of result.file.declarations) {
    if (declaration.kind === 'var') evaluateBicepValue(declaration.value, scope);
  }
  for (const resource of resources) evaluateBicepValue(resource.nameExpression, scope);
}

/** A small deterministic generator, so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('bicep parser robustness', () => {
  test('every character prefix of the small fixture parses without throwing, spans inside', () => {
    assert.ok(smallFixture.length > 500);
    for (let cut = 0; cut <= smallFixture.length; cut++) checkTolerant(smallFixture.slice(0, cut), `prefix ${cut}`);
  });

  test('every line prefix of the full fixture parses without throwing, spans inside', () => {
    const lineEnds = [...fixture.matchAll(/\n/g)].map((match) => match.index ?? 0);
    for (const end of lineEnds) checkTolerant(fixture.slice(0, end), `line prefix ${end}`);
    // And cuts in the middle of every line, where half-typed tokens are.
    for (const end of lineEnds) checkTolerant(fixture.slice(0, Math.max(0, end - 3)), `mid-line prefix ${end}`);
  });

  test('random edits of the full fixture never throw', () => {
    const next = random(42);
    const alphabet = "{}[]()'$\\:,.?!=@\n /*#|-";
    for (let round = 0; round < 150; round++) {
      let text = fixture;
      for (let edit = 0; edit < 4; edit++) {
        const at = Math.floor(next() * text.length);
        const insert = next() < 0.5 ? alphabet[Math.floor(next() * alphabet.length)] : '';
        text = text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 + Math.floor(next() * 5) : 0));
      }
      checkTolerant(text, `round ${round}`);
    }
  });

  test('a million nested [ neither overflows nor builds a deeper tree than the limit', () => {
    const text = `var a = ${'['.repeat(1_000_000)}`;
    const result = parseBicep(text);
    assert.ok(result.findings.some((finding) => finding.code === 'bicep-nesting-too-deep'));
    assert.equal(result.findings.filter((finding) => finding.code === 'bicep-nesting-too-deep').length, 1);
    assert.ok(treeHeight(result.file) < MAX_BICEP_DEPTH * 4);
  });

  test('deep objects, parentheses, unary chains, long operator and member chains, nested interpolation', () => {
    const cases: Record<string, string> = {
      objects: `var a = ${'{a:'.repeat(5000)}1${'}'.repeat(5000)}`,
      parentheses: `var a = ${'('.repeat(100_000)}1${')'.repeat(100_000)}`,
      unary: `var a = ${'!'.repeat(100_000)}true`,
      negation: `var a = ${'-'.repeat(100_000)}x`,
      sum: `var a = 1${' + 1'.repeat(100_000)}`,
      members: `var a = b${'.c'.repeat(100_000)}`,
      indexes: `var a = b${'[0]'.repeat(100_000)}`,
      calls: `var a = ${'f('.repeat(100_000)}`,
      ternaries: `var a = ${'x ? 1 : '.repeat(50_000)}2`,
      interpolation: `var a = ${"'${".repeat(50_000)}x${"}'".repeat(50_000)}`,
      types: `type t = ${'{a:'.repeat(5000)}string${'}'.repeat(5000)}`,
      unions: `type t = 'a'${" | 'a'".repeat(100_000)}`,
      arrayTypes: `type t = string${'[]'.repeat(100_000)}`,
      resources: `resource a 'x@1' = {\n${"resource b 'y' = {\n".repeat(5000)}`,
      decorators: `${'@a()\n'.repeat(50_000)}param p string`,
      multilineHoles: `var a = ${"$'''${".repeat(50_000)}x`,
      dollars: `var a = ${'$'.repeat(100_000)}{`,
      typeArguments: `type t = ${'x<'.repeat(100_000)}`,
      typeMembers: `type t = x<'a'>${'.*'.repeat(50_000)}${'[*]'.repeat(50_000)}${'!?'.repeat(50_000)}`,
      leadingPipes: `type t =${"\n  | 'a'".repeat(100_000)}`,
      loopsOnNewLines: `var a = ${'[\n  for x in y: '.repeat(50_000)}`,
      fromEnd: `var a = b${'[^1]'.repeat(100_000)}`,
    };
    for (const [label, text] of Object.entries(cases)) {
      const result = parseBicep(text);
      assertSpansInside(result, text.length, label);
      assert.ok(treeHeight(result.file) < MAX_BICEP_DEPTH * 12, `${label}: tree height ${treeHeight(result.file)}`);
      collectBicepResources(result.file);
    }
  });

  test('nesting within the limit is parsed in full, with no finding', () => {
    const text = `var a = ${'['.repeat(100)}1${']'.repeat(100)}`;
    assert.deepEqual(parseBicep(text).findings, []);
  });

  test('binary data and lone surrogates do not throw', () => {
    const text = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    checkTolerant(text, 'binary');
    checkTolerant("var a = '\ud800' \udc00", 'surrogates');
  });
});
