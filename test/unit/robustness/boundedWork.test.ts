import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { parseConfig, MAX_GLOB_LENGTH, MAX_GLOBS_PER_LIST } from '../../../server/src/engine/config/parseConfig';
import { MAX_FINDINGS_PER_CODE } from '../../../server/src/engine/findings/findingCap';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import { parseHcl } from '../../../server/src/engine/templates/terraform/hclParser';
import { computeEffectivePolicy, MAX_PROBLEMS_PER_KIND } from '../../../server/src/engine/workspace/effectivePolicy';
import { standaloneChain } from '../../../server/src/engine/workspace/scopeChain';
import { EMPTY_SERVICE_MODEL } from '../../../server/src/engine/workspace/serviceModel';

function moreMessage(count: number, code: string): string {
  return `${count} more '${code}' findings in this document are not listed (at most ${MAX_FINDINGS_PER_CODE} per code).`;
}

function moreMessages(findings: readonly { code: string; message: string }[]): string[] {
  return findings.filter((finding) => finding.code === 'more-findings').map((finding) => finding.message);
}

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

  // Full analysis (parser, schema checks, expression checks, rules) of 20,000 attributes used to take minutes:
  // the schema check rebuilt the set of present names for every unknown attribute.
  test('20,000 unknown attributes: full analysis reports the cap, then one "N more" finding', () => {
    const attributes = Array.from({ length: 20_000 }, (_, index) => ` a${index}="x"`).join('');
    const text = `<policies><inbound><set-header name="x" exists-action="override"${attributes} /></inbound></policies>`;
    const analysis = analyseDocument({ path: '/robustness/attributes/policy.xml', text }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.equal(counts['unknown-attribute'], MAX_FINDINGS_PER_CODE);
    assert.deepEqual(moreMessages(analysis.findings), [moreMessage(20_000 - MAX_FINDINGS_PER_CODE, 'unknown-attribute')]);
    const more = analysis.findings.find((finding) => finding.code === 'more-findings');
    assert.equal(more?.severity, analysis.findings.find((finding) => finding.code === 'unknown-attribute')?.severity);
  });

  test('20,000 attributes with expressions and named values on known and unknown elements: capped, nothing else', () => {
    const expressions = Array.from({ length: 20_000 }, (_, index) => ` a${index}="@(context.Request.Url.Host)"`).join('');
    const namedValues = Array.from({ length: 20_000 }, (_, index) => ` b${index}="{{nv${index}}}"`).join('');
    const text = `<policies${namedValues}><inbound><set-header name="x" exists-action="override"${expressions} /><frobnicate${namedValues} /></inbound></policies>`;
    const analysis = analyseDocument({ path: '/robustness/attributes/policy.xml', text }, createAnalysisContext());
    assert.deepEqual(countsByCode(analysis.findings), {
      'unknown-attribute': MAX_FINDINGS_PER_CODE,
      'more-findings': 1,
      'unknown-element': 1,
      'rate-limit-missing': 1,
    });
    assert.deepEqual(moreMessages(analysis.findings), [moreMessage(40_000 - MAX_FINDINGS_PER_CODE, 'unknown-attribute')]);
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

  test('100,000 <base /> in one section: 200 findings and the exact count; the effective policy keeps 200 problems', () => {
    const count = 100_000;
    const text = `<policies><inbound>${'<base />'.repeat(count)}</inbound></policies>`;
    const analysis = analyseDocument({ path: '/robustness/bases/policy.xml', text }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.equal(counts['repeated-base'], MAX_FINDINGS_PER_CODE);
    // Every <base /> after the first repeats it.
    assert.deepEqual(moreMessages(analysis.findings), [moreMessage(count - 1 - MAX_FINDINGS_PER_CODE, 'repeated-base')]);
    const { document } = parsePolicy(text);
    const path = '/robustness/bases/policy.xml';
    const policy = computeEffectivePolicy(EMPTY_SERVICE_MODEL, standaloneChain(path), (candidate) => (candidate === path ? document : undefined));
    assert.equal(policy.problems.length, MAX_PROBLEMS_PER_KIND);
  });

  test('Bicep: 200,000 unclosed ${ are counted past the cap, not built', () => {
    const count = 200_000;
    const { findings } = parseBicep(`var a = '${'${'.repeat(count)}`);
    const counts = countsByCode(findings);
    assert.ok(
      Object.entries(counts).every(([, found]) => found <= MAX_FINDINGS_PER_CODE),
      JSON.stringify(counts),
    );
    // Each `${` opens a hole whose `$` and `{` the lexer cannot read: the count covers every one.
    assert.deepEqual(moreMessages(findings), [moreMessage(count - 1 - MAX_FINDINGS_PER_CODE, 'bicep-unexpected-character')]);
  });

  test('HCL: 100,000 unterminated strings and unclosed ${ are counted past the cap', () => {
    const count = 100_000;
    assert.deepEqual(moreMessages(parseHcl('a = "x\n'.repeat(count)).findings), [moreMessage(count - MAX_FINDINGS_PER_CODE, 'hcl-unterminated-string')]);
    assert.deepEqual(moreMessages(parseHcl(`a = "${'${'.repeat(count)}`).findings), [
      moreMessage(count - MAX_FINDINGS_PER_CODE, 'hcl-unclosed-bracket'),
      moreMessage(count - MAX_FINDINGS_PER_CODE, 'hcl-missing-expression'),
    ]);
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
