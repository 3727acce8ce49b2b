import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { LspTestClient } from '../../support/lspClient';
import { reviewAsJson, writeWorkspace } from './cliRunner';

// Line 0 ends with CR, line 1 with LF, line 2 with CRLF, line 3 with CR, line 4 with LF.
const MIXED = '<policies>\r<inbound>\n<x a=1/>\r\n<y bb=2/>\r</inbound>\n</policies>';
const EXPECTED_RANGES = [
  { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } },
  { start: { line: 3, character: 6 }, end: { line: 3, character: 7 } },
];

describe('line endings', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('mixed CR, LF and CRLF: the engine maps offsets to exact lines and columns', () => {
    const { findings } = parsePolicy(MIXED);
    const lines = new LineMap(MIXED);
    assert.deepEqual(
      findings.map((finding) => ({ code: finding.code, start: lines.positionAt(finding.span.start), end: lines.positionAt(finding.span.end) })),
      EXPECTED_RANGES.map((range) => ({ code: 'xml-unquoted-attribute-value', ...range })),
    );
  });

  test('mixed endings: the CLI reports the same positions', () => {
    const result = reviewAsJson(writeWorkspace({ 'policy.xml': MIXED }));
    assert.deepEqual(
      result.findings.filter((finding) => finding.ruleId === 'xml-unquoted-attribute-value').map((finding) => finding.range),
      EXPECTED_RANGES,
    );
  });

  test('mixed endings: the language server publishes the same ranges', async () => {
    const diagnostics = await client.open('file:///robustness/mixed/policy.xml', MIXED);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === 'xml-unquoted-attribute-value').map((diagnostic) => diagnostic.range),
      EXPECTED_RANGES,
    );
  });

  test('CRLF: an unclosed element is reported on its line and the fix inserts a CRLF line', () => {
    const text = '<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n  <backend>\r\n</policies>\r\n';
    const { findings } = parsePolicy(text);
    const lines = new LineMap(text);
    assert.equal(findings.length, 1);
    assert.deepEqual(lines.positionAt(findings[0].span.start), { line: 4, character: 3 });
    const edit = findings[0].fixes[0].edits[0];
    assert.deepEqual(lines.positionAt(edit.span.start), { line: 5, character: 0 });
    assert.equal(edit.newText, '  </backend>\r\n');
  });
});
