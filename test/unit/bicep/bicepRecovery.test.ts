import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';

function findingsOf(text: string): Array<[string, string]> {
  return parseBicep(text).findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]);
}

function declarationNames(text: string): string[] {
  return parseBicep(text).file.declarations.map((declaration) => `${declaration.kind}:${'name' in declaration ? (declaration.name?.name ?? '?') : ''}`);
}

describe('bicep parser recovery on half-typed files', () => {
  test('a missing value or type is reported at the end of the line and parsing continues', () => {
    const text = 'param name string =\nparam other\nvar ok = 1';
    const findings = parseBicep(text).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.span]),
      [
        ['bicep-missing-expression', { start: 19, end: 19 }],
        ['bicep-unexpected-token', { start: 31, end: 31 }],
      ],
    );
    assert.match(findings[1].message, /parameter type/);
    assert.deepEqual(declarationNames(text), ['param:name', 'param:other', 'var:ok']);
  });

  test('an unclosed resource body stops at the next top-level declaration', () => {
    const text = "resource r 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'x'\n\n@description('d')\nparam after string = 'ok'\n";
    assert.deepEqual(findingsOf(text), [['bicep-unclosed-bracket', '{']]);
    assert.deepEqual(declarationNames(text), ['resource:r', 'param:after']);
    const after = parseBicep(text).file.declarations[1];
    assert.equal(text.slice(after.span.start, after.span.end), "@description('d')\nparam after string = 'ok'");
  });

  test('an unclosed call across lines gives the line back to the enclosing object', () => {
    const text = "var a = {\n  name: concat('a',\n  other: 1\n}\nvar b = 2";
    const result = parseBicep(text);
    assert.deepEqual(
      result.file.declarations.map((declaration) => declaration.kind),
      ['var', 'var'],
    );
    assert.ok(result.findings.some((finding) => finding.code === 'bicep-unclosed-bracket'));
  });

  test('a missing closing bracket leaves the outer closer to its owner', () => {
    const text = 'var x = {\n  d: [1, 2\n}\nvar y = 1';
    assert.deepEqual(findingsOf(text), [['bicep-unclosed-bracket', '[']]);
    const x = parseBicep(text).file.declarations[0];
    assert.ok(x.kind === 'var' && x.value?.kind === 'object');
    assert.equal(x.value.closed, true);
    assert.deepEqual(declarationNames(text), ['var:x', 'var:y']);
  });

  test('a property without a colon is reported once', () => {
    assert.deepEqual(findingsOf('var x = {\n  c 2\n}'), [['bicep-unexpected-token', '2']]);
  });

  test('garbage inside an interpolation is skipped to the closing brace', () => {
    const text = "var z = 'a${b c}d'";
    assert.deepEqual(findingsOf(text), [['bicep-unexpected-token', 'c']]);
    const z = parseBicep(text).file.declarations[0];
    assert.ok(z.kind === 'var' && z.value?.kind === 'string');
    assert.deepEqual(
      z.value.segments.map((segment) => segment.value),
      ['a', 'd'],
    );
    assert.equal(z.value.closed, true);
  });

  test('an unterminated string and an unknown keyword do not stop later declarations', () => {
    const text = "var a = 'abc\nfoo bar\nvar b = 'x'";
    assert.deepEqual(findingsOf(text), [
      ['bicep-unterminated-string', "'abc"],
      ['bicep-unexpected-token', 'foo'],
    ]);
    assert.deepEqual(declarationNames(text), ['var:a', 'var:b']);
  });

  test('two declarations on one line: the second is reported, the first kept', () => {
    const text = 'var a = 1 var b = 2';
    assert.deepEqual(findingsOf(text), [['bicep-unexpected-token', 'var']]);
    assert.deepEqual(declarationNames(text), ['var:a']);
  });

  test('a loop missing its colon still keeps its body', () => {
    const text = "resource q 'T@1' = [for x in y {\n  name: x\n}]";
    const result = parseBicep(text);
    assert.deepEqual(findingsOf(text), [['bicep-unexpected-token', '{']]);
    const q = result.file.declarations[0];
    assert.ok(q.kind === 'resource' && q.value?.kind === 'for');
    assert.equal(q.value.body?.kind, 'object');
    assert.equal(q.value.closed, true);
  });

  test('every finding links to the syntax docs', () => {
    for (const finding of parseBicep("var a = {\n b: 'x\n").findings) {
      assert.equal(finding.kind, 'syntax');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.docsUrl.endsWith(`syntax.md#${finding.code}`), true);
    }
  });
});
