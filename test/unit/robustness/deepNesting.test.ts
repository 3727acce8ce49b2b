import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRegions } from '../../../server/src/engine/policy/foldingRegions';
import { policyOutline } from '../../../server/src/engine/policy/outline';
import { MAX_ELEMENT_DEPTH, MAX_SYNTAX_FINDINGS, parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { documentViolations } from '../../fuzz/documentInvariants';

const DEPTH = 1_000_000;
const PATH = '/robustness/apis/deep/policy.xml';

describe('nesting a million levels deep', () => {
  test('closed elements: one nesting finding at the first element too deep, then the tree walks stay shallow', () => {
    const text = `<policies>${'<a>'.repeat(DEPTH)}${'</a>'.repeat(DEPTH)}</policies>`;
    const { document, findings } = parsePolicy(text);
    // <policies> is level 1, so the element that would be level MAX_ELEMENT_DEPTH + 1 is the 256th <a>.
    const nameStart = '<policies>'.length + (MAX_ELEMENT_DEPTH - 1) * 3 + 1;
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.span]),
      [['xml-nesting-too-deep', { start: nameStart, end: nameStart + 1 }]],
    );
    assert.equal(document.root?.name, 'policies');
    assert.equal(document.root?.closed, true);
    assert.deepEqual(document.root?.span, { start: 0, end: text.length });
    assert.ok(policyOutline(document).length > 0);
    assert.ok(foldingRegions(document).length >= 0);
    assert.deepEqual(documentViolations(text, PATH), []);
  });

  test('unclosed elements: findings are capped and summarised', () => {
    const text = `<policies>${'<a>'.repeat(DEPTH)}`;
    const { findings } = parsePolicy(text);
    assert.equal(findings.length, MAX_SYNTAX_FINDINGS + 1);
    assert.equal(findings[findings.length - 1].code, 'xml-too-many-problems');
    assert.ok(findings.some((finding) => finding.code === 'xml-nesting-too-deep'));
    assert.deepEqual(documentViolations(text, PATH), []);
  });

  test('a million nested parentheses and interpolations inside one expression: one C# nesting finding each', () => {
    // The C# parser stops descending at its nesting limit and reports that once (like xml-nesting-too-deep).
    const codes = (text: string) => parsePolicy(text).findings.map((finding) => finding.code);
    const parentheses = `<policies><inbound><set-variable name="x" value="@(${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)})" /></inbound></policies>`;
    assert.deepEqual(codes(parentheses), ['csharp-nesting-too-deep']);
    const interpolations = `<policies><inbound><set-body>@(${'$"{'.repeat(DEPTH)}1${'}"'.repeat(DEPTH)})</set-body></inbound></policies>`;
    assert.deepEqual(codes(interpolations), ['csharp-nesting-too-deep']);
    assert.deepEqual(documentViolations(parentheses, PATH), []);
    assert.deepEqual(documentViolations(interpolations, PATH), []);
  });
});
