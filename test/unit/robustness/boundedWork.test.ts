import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { parseConfig, MAX_GLOB_LENGTH, MAX_GLOBS_PER_LIST } from '../../../server/src/engine/config/parseConfig';
import { MAX_FINDINGS_PER_CODE } from '../../../server/src/engine/findings/findingCap';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';

function countsByCode(findings: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.code] = (counts[finding.code] ?? 0) + 1;
  return counts;
}

describe('bounded work on hostile input', () => {
  test('20,000 attributes on one element: the parser finds the one duplicate by name', () => {
    const attributes = Array.from({ length: 20_000 }, (_, index) => ` a${index}="x"`).join('');
    const text = `<policies><inbound><set-header name="x" exists-action="override"${attributes} name="again" /></inbound></policies>`;
    assert.deepEqual(
      parsePolicy(text).findings.map((finding) => finding.code),
      ['xml-duplicate-attribute'],
    );
  });

  test('2,000 unknown attributes: the schema check reports the cap, then one "N more" finding', () => {
    const attributes = Array.from({ length: 2_000 }, (_, index) => ` a${index}="x"`).join('');
    const text = `<policies><inbound><set-header name="x" exists-action="override"${attributes} /></inbound></policies>`;
    const analysis = analyseDocument({ path: '/robustness/attributes/policy.xml', text }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.equal(counts['unknown-attribute'], MAX_FINDINGS_PER_CODE);
    const more = analysis.findings.filter((finding) => finding.code === 'more-findings');
    assert.deepEqual(
      more.map((finding) => finding.message),
      [`${2_000 - MAX_FINDINGS_PER_CODE} more 'unknown-attribute' findings in this document are not listed (at most ${MAX_FINDINGS_PER_CODE} per code).`],
    );
    assert.equal(more[0].severity, analysis.findings.find((finding) => finding.code === 'unknown-attribute')?.severity);
  });

  test('a rule that would report thousands of times: at most the cap per code, then one "N more" finding', () => {
    const text = `<policies><inbound>${'<base />'.repeat(5_000)}</inbound></policies>`;
    const analysis = analyseDocument({ path: '/robustness/bases/policy.xml', text }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.ok(
      Object.entries(counts).every(([, count]) => count <= MAX_FINDINGS_PER_CODE),
      JSON.stringify(counts),
    );
    assert.ok(
      analysis.findings.some((finding) => finding.code === 'more-findings' && /more 'repeated-base' findings/.test(finding.message)),
      JSON.stringify(counts),
    );
  });

  test('Bicep: a hundred thousand unterminated strings give capped findings', () => {
    const text = `${"var a = 'x\n".repeat(100_000)}`;
    const analysis = analyseDocument({ path: '/robustness/strings/main.bicep', text }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.ok(
      Object.values(counts).every((count) => count <= MAX_FINDINGS_PER_CODE),
      JSON.stringify(counts),
    );
    assert.ok((counts['more-findings'] ?? 0) >= 1, JSON.stringify(counts));
  });

  test('config globs: too long, not compilable and too many are reported on the config and left out', () => {
    const long = '*a'.repeat(9_000);
    const many = Array.from({ length: MAX_GLOBS_PER_LIST + 5 }, (_, index) => `x${index}/**`);
    const parsed = parseConfig(JSON.stringify({ ignore: [long, 'ok/**'], overrides: [{ files: many, rules: {} }] }));
    const messages = parsed.findings.map((finding) => finding.message);
    assert.ok(messages.includes(`The glob has ${long.length} characters, more than ${MAX_GLOB_LENGTH}; this entry is ignored.`), messages.join('\n'));
    assert.ok(messages.includes(`'files' has more than ${MAX_GLOBS_PER_LIST} globs; the rest are ignored.`), messages.join('\n'));
    assert.deepEqual(parsed.config.ignore, ['ok/**']);
    // Analysis with such a config still works: no internal error for every document.
    assert.equal(
      parsed.findings.every((finding) => finding.severity === 'error'),
      true,
    );
  });
});
