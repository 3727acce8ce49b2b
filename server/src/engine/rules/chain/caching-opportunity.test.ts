import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const RULE = 'caching-opportunity';
const GLOBAL = '<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound />\n</policies>\n';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n`;
}

function workspace(method: string, operationPolicy: string, apiPolicy = policy(''), apiType?: string): MemoryWorkspace {
  return new MemoryWorkspace({
    'policy.xml': GLOBAL,
    'apis/catalog/apiInformation.json': JSON.stringify({
      properties: { displayName: 'Catalog', path: 'catalog', subscriptionRequired: false, ...(apiType ? { type: apiType } : {}) },
    }),
    'apis/catalog/policy.xml': apiPolicy,
    'apis/catalog/operations/list-items/operationInformation.json': JSON.stringify({ properties: { method, urlTemplate: '/items' } }),
    'apis/catalog/operations/list-items/policy.xml': operationPolicy,
  });
}

const OPERATION = 'apis/catalog/operations/list-items/policy.xml';

describe('caching-opportunity', () => {
  test('a GET operation with no cache on any chain is reported at info level, in production only', () => {
    const text = policy('');
    const [finding, ...rest] = workspace('get', text).findingsOf(RULE, OPERATION);
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'inbound');
    assert.equal(
      finding.message,
      'The GET operation list-items never uses the response cache: if its responses stay valid for a while, add cache-lookup to inbound and cache-store to outbound.',
    );
    const nonproduction = new MemoryWorkspace(
      {
        'policy.xml': GLOBAL,
        'apis/catalog/apiInformation.json': '{}',
        'apis/catalog/operations/list-items/operationInformation.json': JSON.stringify({ properties: { method: 'GET' } }),
        'apis/catalog/operations/list-items/policy.xml': text,
      },
      { environment: 'nonproduction' },
    );
    assert.deepEqual(nonproduction.findingsOf(RULE, OPERATION), []);
  });

  test('the fix adds cache-lookup to inbound and cache-store to outbound, after <base />', () => {
    const text = policy('');
    const [finding] = workspace('GET', text).findingsOf(RULE, OPERATION);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      '<policies>\n  <inbound>\n    <base />\n    <cache-lookup vary-by-developer="true" vary-by-developer-groups="false" downstream-caching-type="none" />\n  </inbound>\n' +
        '  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n    <cache-store duration="60" />\n  </outbound>\n</policies>\n',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(workspace('GET', fixed).findingsOf(RULE, OPERATION), []);
  });

  test('when both sections are missing the fix adds them in one edit, in order', () => {
    const text = '<policies>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n';
    const [finding] = workspace('GET', text).findingsOf(RULE, OPERATION);
    assert.equal(finding.fixes[0].edits.length, 1);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.equal(
      fixed,
      '<policies>\n  <inbound>\n    <base />\n    <cache-lookup vary-by-developer="true" vary-by-developer-groups="false" downstream-caching-type="none" />\n  </inbound>\n' +
        '  <outbound>\n    <base />\n    <cache-store duration="60" />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n',
    );
  });

  test('any cache use on the chain, including the API scope and value caching, keeps it quiet', () => {
    assert.deepEqual(
      workspace('GET', policy(''), policy('    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n')).findingsOf(RULE, OPERATION),
      [],
    );
    assert.deepEqual(workspace('GET', policy('    <cache-lookup-value key="catalog" variable-name="catalog" />\n')).findingsOf(RULE, OPERATION), []);
  });

  test('other methods, unknown methods, token-protected, mocked, non-HTTP and loose operations are left alone', () => {
    assert.deepEqual(workspace('POST', policy('')).findingsOf(RULE, OPERATION), []);
    const unknownMethod = new MemoryWorkspace({ 'policy.xml': GLOBAL, 'apis/catalog/apiInformation.json': '{}', [OPERATION]: policy('') });
    assert.deepEqual(unknownMethod.findingsOf(RULE, OPERATION), []);
    assert.deepEqual(workspace('GET', policy(''), policy('    <validate-jwt header-name="Authorization" />\n')).findingsOf(RULE, OPERATION), []);
    assert.deepEqual(workspace('GET', policy('    <mock-response status-code="200" />\n')).findingsOf(RULE, OPERATION), []);
    assert.deepEqual(workspace('GET', policy(''), policy(''), 'graphql').findingsOf(RULE, OPERATION), []);
    assert.deepEqual(looseFindings(RULE, policy('')), []);
  });
});
