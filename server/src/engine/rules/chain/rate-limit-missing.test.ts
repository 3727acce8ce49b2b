import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const SECTIONS_WITH_BASE = '  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n${SECTIONS_WITH_BASE}</policies>\n`;
}

const API_INFO = (subscriptionRequired: boolean): string => JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired } });

describe('rate-limit-missing', () => {
  test('a product rate limit covers its member API; another product without one is named', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': '<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>',
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': policy('    <rate-limit calls="10" renewal-period="60" />\n'),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'products/free/productInformation.json': '{}',
      'products/free/policy.xml': policy(''),
      'products/free/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': API_INFO(true),
      'apis/orders/policy.xml': policy(''),
    });
    const findings = workspace.findingsOf('rate-limit-missing', 'apis/orders/policy.xml');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'No rate limit or quota runs via product free: add rate-limit-by-key or quota-by-key to inbound.');
  });

  test('silent when every chain has a limit, including the path without a product', () => {
    const workspace = new MemoryWorkspace({
      'products/gold/policy.xml': policy('    <quota calls="1000" renewal-period="3600" />\n'),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': API_INFO(false),
      'apis/orders/policy.xml': policy('    <rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Request.IpAddress)" />\n'),
      'apis/orders/operations/get/policy.xml': policy(''),
    });
    assert.deepEqual(workspace.findingsOf('rate-limit-missing', 'apis/orders/policy.xml'), []);
    assert.deepEqual(workspace.findingsOf('rate-limit-missing', 'apis/orders/operations/get/policy.xml'), []);
  });

  test('an operation that drops <base /> loses the API limit and is reported itself; API findings are not repeated', () => {
    const files = {
      'apis/orders/apiInformation.json': API_INFO(false),
      'apis/orders/policy.xml': policy('    <rate-limit calls="5" renewal-period="60" />\n'),
      'apis/orders/operations/get/policy.xml':
        '<policies>\n  <inbound>\n    <set-header name="a" exists-action="override"><value>b</value></set-header>\n  </inbound>\n</policies>\n',
      'apis/orders/operations/post/policy.xml': policy(''),
      'apis/weather/apiInformation.json': API_INFO(false),
      'apis/weather/policy.xml': policy(''),
      'apis/weather/operations/get/policy.xml': policy(''),
    };
    const workspace = new MemoryWorkspace(files);
    const dropped = workspace.findingsOf('rate-limit-missing', 'apis/orders/operations/get/policy.xml');
    assert.equal(dropped.length, 1);
    const text = files['apis/orders/operations/get/policy.xml'];
    assert.equal(text.slice(dropped[0].span.start, dropped[0].span.end), 'inbound');
    assert.deepEqual(workspace.findingsOf('rate-limit-missing', 'apis/orders/operations/post/policy.xml'), []);
    assert.equal(workspace.findingsOf('rate-limit-missing', 'apis/weather/policy.xml').length, 1);
    assert.deepEqual(workspace.findingsOf('rate-limit-missing', 'apis/weather/operations/get/policy.xml'), [], 'reported once, on the API');
  });

  test('a limit only in some branches is reported as partial', () => {
    const findings = looseFindings(
      'rate-limit-missing',
      '<policies><inbound><choose><when condition="@(true)"><rate-limit calls="1" renewal-period="1" /></when></choose></inbound></policies>',
    );
    assert.equal(findings[0]?.message, 'A rate limit runs only in some branches for this document: make sure every request is counted.');
    assert.deepEqual(
      looseFindings(
        'rate-limit-missing',
        '<policies><inbound><choose><when condition="@(true)"><rate-limit calls="1" renewal-period="1" /></when><otherwise><quota calls="1" renewal-period="1" /></otherwise></choose></inbound></policies>',
      ),
      [],
    );
  });

  test('a loose document whose <base /> pulls in an unknown parent is reported as a hint', () => {
    const [finding] = looseFindings('rate-limit-missing', policy(''));
    assert.equal(finding.severity, 'hint');
    assert.match(finding.message, /\(APIM Studio cannot see all the parent scopes, which may add one\)/);
  });

  test('a folder that does not say which products an API belongs to gets a hint: every lacking chain is a guess', () => {
    const workspace = new MemoryWorkspace({ 'apis/orders/apiInformation.json': API_INFO(true), 'apis/orders/policy.xml': policy('') });
    const [finding] = workspace.findingsOf('rate-limit-missing', 'apis/orders/policy.xml');
    assert.equal(finding.severity, 'hint');
    assert.equal(
      finding.message,
      'No rate limit or quota runs for calls that reach the API without a product subscription (APIM Studio cannot see all the parent scopes, which may add one): add rate-limit-by-key or quota-by-key to inbound.',
    );
  });

  test('the fix inserts rate-limit-by-key after <base /> with the document indentation, and the finding goes away', () => {
    const text = policy('');
    const [finding] = looseFindings('rate-limit-missing', text);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy('    <rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress)" />\n'),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(looseFindings('rate-limit-missing', fixed), []);
  });

  test('the fix creates a missing inbound section', () => {
    const text = '<policies>\n  <backend>\n    <forward-request />\n  </backend>\n</policies>\n';
    const [finding] = looseFindings('rate-limit-missing', text);
    assert.equal(
      applyFix(text, finding.fixes[0]),
      '<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress)" />\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n</policies>\n',
    );
  });

  test('turned off by configuration', () => {
    assert.deepEqual(looseFindings('rate-limit-missing', policy(''), { rules: { 'rate-limit-missing': 'off' } }), []);
  });

  test('a policy fragment seen alone is not a document that callers reach, so nothing is reported', () => {
    const fragment = '<fragment>\n  <set-header name="x-trace" exists-action="override">\n    <value>on</value>\n  </set-header>\n</fragment>\n';
    assert.deepEqual(looseFindings('rate-limit-missing', fragment), []);
    assert.equal(looseFindings('rate-limit-missing', policy('')).length, 1);
  });
});
