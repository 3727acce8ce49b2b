import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pillarScore } from '../../../server/src/engine/report/pillarScore';
import { buildReviewReport } from '../../../server/src/engine/report/reviewReport';
import { REPO_ROOT } from '../../support/paths';
import { reviewFolder, writeWorkspace } from './reviewFixture';

const EXAMPLE = join(REPO_ROOT, 'examples', 'contoso-apiops');

describe('pillar score', () => {
  test('100 - 10 x penalty per document, floored at 0; undefined without documents', () => {
    assert.equal(pillarScore({ error: 0, warning: 0, info: 0, hint: 5 }, 4), 100);
    assert.equal(pillarScore({ error: 0, warning: 1, info: 0, hint: 0 }, 8), 96);
    assert.equal(pillarScore({ error: 1, warning: 1, info: 1, hint: 0 }, 2), 30);
    assert.equal(pillarScore({ error: 3, warning: 0, info: 0, hint: 0 }, 2), 0);
    assert.equal(pillarScore({ error: 0, warning: 0, info: 0, hint: 0 }, 0), undefined);
  });
});

describe('review report model', () => {
  test('groups by pillar then rule; a multi-pillar rule counts in its first pillar, the others are tags; syntax goes to correctness', () => {
    const root = writeWorkspace({ 'policy.xml': '<policies>\n  <inbound>\n</policies>\n' });
    const report = buildReviewReport(reviewFolder(root), root);
    assert.deepEqual(
      report.groups.map((group) => group.id),
      ['reliability', 'security', 'cost-optimization', 'operational-excellence', 'performance-efficiency', 'correctness'],
    );
    const ruleIds = (id: string): string[] => report.groups.find((group) => group.id === id)?.rules.map((rule) => rule.id) ?? [];
    assert.deepEqual(ruleIds('security'), ['rate-limit-missing']);
    assert.deepEqual(ruleIds('reliability'), []);
    assert.deepEqual(report.groups.find((group) => group.id === 'security')?.rules[0].otherPillars, ['reliability', 'cost-optimization']);
    const counted = report.groups.reduce((sum, group) => sum + Object.values(group.bySeverity).reduce((a, b) => a + b, 0), 0);
    assert.equal(counted, report.findingCount, 'the pillar counts add up to the header');
    assert.deepEqual(ruleIds('performance-efficiency'), []);
    assert.deepEqual(ruleIds('correctness'), ['xml-unclosed-element']);
    assert.equal(report.findingCount, 2);
    const correctness = report.groups.find((group) => group.id === 'correctness');
    assert.equal(correctness?.score, 0, 'one error in one document');
    assert.equal(
      report.groups.find((group) => group.id === 'security')?.score,
      100,
      'one hint in one document (the folder does not show the parent scopes): hints cost nothing',
    );
    const finding = correctness?.rules[0].findings[0];
    assert.deepEqual(
      { path: finding?.displayPath, start: finding?.start, excerpt: finding?.excerpt },
      { path: 'policy.xml', start: { line: 2, column: 4 }, excerpt: { before: '<', target: 'inbound', after: '>' } },
    );
    assert.match(report.groups.find((group) => group.id === 'security')?.rules[0].guidance ?? '', /rate-limit-by-key/);
  });

  test('the coverage matrix of the bundled example comes from effective policies, chain by chain', () => {
    const report = buildReviewReport(reviewFolder(EXAMPLE), EXAMPLE);
    const row = (api: string, operation?: string) => report.coverage.find((candidate) => candidate.api === api && candidate.operation === operation);
    assert.deepEqual(
      report.coverage.map((candidate) => `${candidate.kind} ${candidate.api}${candidate.operation ? `/${candidate.operation}` : ''}`),
      ['api orders-api', 'operation orders-api/create-order', 'operation orders-api/get-order', 'api weather-api', 'operation weather-api/get-forecast'],
    );
    assert.deepEqual(row('orders-api', 'get-order')?.cells['rate-limit'], { status: 'ok', lacking: [] });
    assert.deepEqual(row('orders-api', 'get-order')?.cells.validation, { status: 'missing', lacking: ['via product starter'] });
    assert.deepEqual(row('orders-api', 'create-order')?.cells.validation, { status: 'ok', lacking: [] });
    assert.deepEqual(row('weather-api')?.cells['tracing-off'], { status: 'missing', lacking: ['without a product'] });
    assert.deepEqual(row('weather-api')?.cells['rate-limit'], { status: 'missing', lacking: ['without a product'] });
    // The starter product's information file has findings of its own (default-product-present).
    assert.deepEqual(report.apis, ['orders-api', 'product starter', 'weather-api']);
  });

  test('coverage is computed even with the rule off, and a safeguard on only some branches is partial', () => {
    const root = writeWorkspace({
      '.apim-studio.json': '{ "rules": { "rate-limit-missing": "off" } }',
      'apis/echo/policy.xml':
        '<policies><inbound><choose><when condition="@(true)"><rate-limit calls="5" renewal-period="60" /></when><otherwise /></choose><base /></inbound>' +
        '<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    });
    const result = reviewFolder(root);
    assert.equal(result.files.flatMap((file) => file.findings).filter((finding) => finding.code === 'rate-limit-missing').length, 0);
    const report = buildReviewReport(result, root);
    const echo = report.coverage.find((row) => row.api === 'echo');
    assert.equal(echo?.cells['rate-limit'].status, 'partial');
    assert.deepEqual(echo?.cells['rate-limit'].lacking, ['without a product (some paths)']);
  });

  test('findings carry what the file configures, for the API filter', () => {
    const report = buildReviewReport(reviewFolder(EXAMPLE), EXAMPLE);
    const findings = report.groups.flatMap((group) => group.rules.flatMap((rule) => rule.findings));
    assert.ok(findings.length > 0);
    const apis = new Set(findings.map((finding) => finding.api));
    assert.ok(apis.has('weather-api'), [...apis].join());
    assert.deepEqual([...apis].sort(), ['orders-api', 'product starter', 'weather-api'], 'APIOps information files are labelled by what they configure');
  });
});
