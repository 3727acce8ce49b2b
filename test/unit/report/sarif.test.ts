import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { formatSarif, SARIF_FINGERPRINT_KEY } from '../../../server/src/engine/report/formatters/sarifFormatter';
import { FIXTURES, REPO_ROOT } from '../../support/paths';
import { reviewFolder, writeWorkspace } from './reviewFixture';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          name: string;
          helpUri: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
          properties: { pillars: string[]; tags: string[] };
        }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'report', 'sarif-schema-2.1.0.json'), 'utf8')));
})();

function sarifOf(root: string): SarifLog {
  return JSON.parse(formatSarif(reviewFolder(root), { baseFolder: root, toolVersion: '1.2.3' })) as SarifLog;
}

const BROKEN_POLICY =
  '<policies>\n  <inbound>\n    <trace source="x" severity="verbose"><message>@(context.Subscription.Key)</message></trace>\n  <backend><forward-request /></backend>\n</policies>\n';

describe('SARIF 2.1.0 output', () => {
  test('validates against the official schema: the bundled example and a folder with errors and spaces in paths', () => {
    const example = join(REPO_ROOT, 'examples', 'contoso-apiops');
    const broken = writeWorkspace({ 'my apis/policy.xml': BROKEN_POLICY });
    for (const root of [example, broken]) {
      const text = formatSarif(reviewFolder(root), { baseFolder: root, toolVersion: '1.2.3' });
      assert.ok(validateSarif(JSON.parse(text)), JSON.stringify(validateSarif.errors, null, 2));
    }
    // The schema check is not vacuous: a result without a message is rejected.
    const invalid = sarifOf(broken);
    delete (invalid.runs[0].results[0] as Partial<SarifResult>).message;
    assert.equal(validateSarif(invalid), false);
  });

  test('rules carry id, name, descriptions, help URI, default level and pillars as properties and tags', () => {
    const log = sarifOf(writeWorkspace({ 'policy.xml': BROKEN_POLICY }));
    const rules = log.runs[0].tool.driver.rules;
    const rateLimit = rules.find((rule) => rule.id === 'rate-limit-missing');
    assert.ok(rateLimit);
    assert.equal(rateLimit.name, 'RateLimitMissing');
    assert.equal(rateLimit.helpUri, 'https://github.com/apim-studio/apim-studio/blob/main/docs/rules/rate-limit-missing.md');
    assert.equal(rateLimit.defaultConfiguration.level, 'warning');
    assert.deepEqual(rateLimit.properties.pillars, ['security', 'reliability', 'cost-optimization']);
    assert.deepEqual(rateLimit.properties.tags, ['well-architected', 'security', 'reliability', 'cost-optimization']);
    assert.match(rateLimit.fullDescription.text, /rate-limit-by-key/);
    // Syntax codes found in the results get a descriptor too, so every ruleIndex resolves.
    for (const result of log.runs[0].results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    assert.ok(rules.some((rule) => rule.id === 'xml-unclosed-element' && rule.properties.tags.includes('correctness')));
  });

  test('results: 1-based regions, URIs relative to SRCROOT and percent-encoded, levels mapped', () => {
    const root = writeWorkspace({ 'my apis/policy.xml': BROKEN_POLICY });
    const log = sarifOf(root);
    const unclosed = log.runs[0].results.find((result) => result.ruleId === 'xml-unclosed-element');
    assert.ok(unclosed);
    assert.equal(unclosed.level, 'error');
    assert.deepEqual(unclosed.locations[0].physicalLocation.artifactLocation, { uri: 'my%20apis/policy.xml', uriBaseId: 'SRCROOT' });
    assert.deepEqual(unclosed.locations[0].physicalLocation.region, { startLine: 2, startColumn: 4, endLine: 2, endColumn: 11 });
    assert.equal(log.runs[0].originalUriBaseIds.SRCROOT.uri, `file://${root}/`);
  });

  test('fingerprints survive lines inserted above and re-indentation, and differ between findings', () => {
    const policy =
      '<policies>\n  <inbound>\n    <trace source="a" severity="verbose"><message>@(context.Request.Body)</message></trace>\n    <trace source="b" severity="verbose"><message>@(context.Subscription.Key)</message></trace>\n  </inbound>\n</policies>\n';
    const shifted = `<!-- a comment -->\n\n${policy.replace(/\n {4}<trace/g, '\n\t\t<trace')}`;
    const fingerprints = (text: string): Map<string, number> => {
      const results = sarifOf(writeWorkspace({ 'apis/echo/policy.xml': text })).runs[0].results.filter((result) => result.ruleId === 'tracing-enabled');
      return new Map(results.map((result) => [result.partialFingerprints[SARIF_FINGERPRINT_KEY], result.locations[0].physicalLocation.region.startLine]));
    };
    const before = fingerprints(policy);
    const after = fingerprints(shifted);
    assert.equal(before.size, 2, 'two traces, two distinct fingerprints');
    assert.deepEqual([...after.keys()], [...before.keys()]);
    assert.deepEqual([...before.values()], [3, 4]);
    assert.deepEqual([...after.values()], [5, 6]);
  });
});
