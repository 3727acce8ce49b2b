import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/engine/analysis/analysisSettings';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { documentViolations } from '../../fuzz/documentInvariants';

const PATH = '/robustness/apis/big/policy.xml';
const STATEMENT = '<set-header name="x-a" exists-action="override"><value>{{setting}} &amp; more</value></set-header>';

describe('very large documents', () => {
  test('a 50 MB policy is declined with one error finding, and analysis allocates almost nothing', () => {
    const filler = STATEMENT.repeat(Math.ceil((50 * 1024 * 1024) / STATEMENT.length));
    const text = `<policies>\n<inbound>\n${filler}\n</inbound>\n</policies>\n`;
    assert.ok(text.length > 50 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const analysis = analyseDocument({ path: PATH, text }, createAnalysisContext());
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.equal(analysis.findings.length, 1);
    const [finding] = analysis.findings;
    assert.equal(finding.code, 'document-too-large');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.span, { start: 0, end: 0 });
    assert.match(finding.message, new RegExp(`${text.length} characters, more than the limit of ${DEFAULT_ANALYSIS_SETTINGS.maxDocumentSize}`));
    // Declining must not copy or tokenise the text: a few MB of slack, far below the document's 50 MB.
    assert.ok(heapGrowth < 8 * 1024 * 1024, `analysis grew the heap by ${(heapGrowth / 1048576).toFixed(1)} MB`);
  });

  test('the size limit is configurable: the same document is analysed under a larger limit and declined under a smaller one', () => {
    const text = `<policies>\n<inbound>\n  <bogus-policy />\n${STATEMENT.repeat(20)}\n</inbound>\n</policies>\n`;
    const declined = analyseDocument({ path: PATH, text }, createAnalysisContext({ ...DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize: text.length - 1 }));
    assert.deepEqual(
      declined.findings.map((finding) => finding.code),
      ['document-too-large'],
    );
    const analysed = analyseDocument({ path: PATH, text }, createAnalysisContext({ ...DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize: text.length }));
    assert.ok(!analysed.findings.some((finding) => finding.code === 'document-too-large'));
    assert.ok(analysed.findings.length > 0, 'the unknown <bogus-policy> should be reported once the document is analysed');
  });

  test('a 1 MB single line parses with exact positions', () => {
    const count = Math.ceil((1024 * 1024) / STATEMENT.length);
    const line = `<policies><inbound>${STATEMENT.repeat(count)}&bogus;</inbound></policies>`;
    assert.ok(line.length > 1024 * 1024);
    const { findings } = parsePolicy(line);
    const offset = line.indexOf('&bogus;');
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.span]),
      [['xml-unknown-entity', { start: offset, end: offset + 7 }]],
    );
    assert.deepEqual(new LineMap(line).positionAt(offset), { line: 0, character: offset });
    assert.deepEqual(documentViolations(line, PATH), []);
  });

  test('a 1 MB expression on one line is read as one expression', () => {
    const code = `"a" + ${'"b" + '.repeat(180_000)}"c"`;
    const text = `<policies><inbound><set-variable name="x" value="@(${code})" /></inbound></policies>`;
    assert.ok(text.length > 1024 * 1024);
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const inbound = document.root?.children.find((child) => child.kind === 'element');
    const setVariable = inbound?.kind === 'element' ? inbound.children.find((child) => child.kind === 'element') : undefined;
    const value = setVariable?.kind === 'element' ? setVariable.attributes.find((attribute) => attribute.name === 'value') : undefined;
    const start = text.indexOf('@(');
    assert.deepEqual(
      value?.embedded.map((item) => [item.kind, item.span]),
      [['expression', { start, end: start + 3 + code.length }]],
    );
  });
});
