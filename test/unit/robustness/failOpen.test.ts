import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/templateRules';
import type { TemplateRule } from '../../../server/src/engine/rules/templateRule';
import { MAX_JSON_DEPTH } from '../../../server/src/engine/text/flattenDeepJson';
import { REPO_ROOT } from '../../support/paths';
import { writeWorkspace } from './cliRunner';

const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** `dist/cli.js review <path> --fail-on error` in text format: the exit code a CI gate sees. */
function gate(path: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'review', path, '--fail-on', 'error'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a CI gate never passes because analysis broke', () => {
  test('200,000 named-value references in one value are analysed: the syntax error beside them still fails the gate', () => {
    const values = '{{a}}'.repeat(200_000);
    const dir = writeWorkspace({
      'policy.xml': `<policies><inbound><set-header name="x" exists-action="override"><value>${values}</value></set-header><unclosed></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>`,
    });
    const result = gate(dir);
    assert.equal(result.status, 1, result.stdout.slice(-2000));
    assert.doesNotMatch(result.stdout, /internal-error/);
    assert.match(result.stdout, /error xml-/);
  });

  test('an ARM template with a property nested 6,000 deep: the rest is analysed and the cut is an error finding', () => {
    const deep = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;
    const template = `{"$schema":"${ARM_SCHEMA}","contentVersion":"1.0.0.0","resources":[{"type":"Microsoft.ApiManagement/service","apiVersion":"2022-08-01","name":"x","properties":{"publicNetworkAccess":"Enabled"}}],"outputs":${deep}}`;
    const result = gate(writeWorkspace({ 'main.json': template }));
    assert.equal(result.status, 1);
    assert.equal(result.stdout.match(/ error analysis-incomplete /g)?.length, 1);
    assert.match(result.stdout, new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
    // The service itself was still read: its rule findings are there.
    assert.match(result.stdout, /managed-identity-missing/);
  });

  test('an APIOps artifact nested 6,000 deep is reported, not silently skipped', () => {
    const deep = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;
    const dir = writeWorkspace({ 'apis/orders/apiInformation.json': `{"properties":{"displayName":"Orders","path":"orders","x":${deep}}}` });
    const result = gate(dir);
    assert.equal(result.status, 1);
    assert.equal(result.stdout.match(/ error analysis-incomplete /g)?.length, 1);
  });

  test('a document above the size limit cannot be analysed: an error that fails the gate, unless the config ignores it', () => {
    const filler = '<set-header name="x" exists-action="override"><value>a</value></set-header>'.repeat(80_000);
    const policy = `<policies><inbound>${filler}</inbound></policies>`;
    assert.ok(policy.length > 5 * 1024 * 1024);
    const result = gate(writeWorkspace({ 'big/policy.xml': policy }));
    assert.equal(result.status, 1, result.stdout.slice(-2000));
    assert.equal(result.stdout.match(/ error document-too-large /g)?.length, 1, result.stdout.slice(-2000));
    assert.match(result.stdout, /nothing in it is checked until the limit is raised/);
    const ignored = gate(writeWorkspace({ 'big/policy.xml': policy, '.apim-studio.json': '{"ignore":["big/**"]}' }));
    assert.equal(ignored.status, 0, ignored.stdout.slice(-2000));
    assert.doesNotMatch(ignored.stdout, /document-too-large/);
  });

  test('an exception inside analysis is an error-level internal-error finding', () => {
    const context = {
      ...createAnalysisContext(),
      configFor: (): never => {
        throw new Error('probe');
      },
    };
    const analysis = analyseDocument({ path: '/robustness/policy.xml', text: '<policies><inbound /></policies>' }, context);
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.code, finding.severity]),
      [['internal-error', 'error']],
    );
    assert.match(analysis.findings[0].message, /probe/);
  });

  test('a rule that throws leaves an error-level internal-error finding naming the rule', () => {
    const rule = TEMPLATE_RULES.find((candidate) => candidate.meta.id === 'managed-identity-missing') as TemplateRule;
    const original = rule.check.bind(rule);
    (rule as { check: TemplateRule['check'] }).check = () => {
      throw new Error('rule probe');
    };
    try {
      const template = `{"$schema":"${ARM_SCHEMA}","resources":[{"type":"Microsoft.ApiManagement/service","apiVersion":"2022-08-01","name":"x","properties":{}}]}`;
      const analysis = analyseDocument({ path: '/robustness/main.json', text: template }, createAnalysisContext());
      assert.deepEqual(
        analysis.failures.map((failure) => failure.ruleId),
        ['managed-identity-missing'],
      );
      const internal = analysis.findings.filter((finding) => finding.code === 'internal-error');
      assert.deepEqual(
        internal.map((finding) => finding.severity),
        ['error'],
      );
      assert.match(internal[0].message, /rule managed-identity-missing failed: rule probe/);
    } finally {
      (rule as { check: TemplateRule['check'] }).check = original;
    }
  });
});
