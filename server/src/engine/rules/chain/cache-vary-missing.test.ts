import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const RULE = 'cache-vary-missing';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <outbound>\n    <base />\n    <cache-store duration="60" />\n  </outbound>\n</policies>\n`;
}

const JWT =
  '    <validate-jwt header-name="Authorization" require-scheme="Bearer">\n      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />\n    </validate-jwt>\n';

function api(subscriptionRequired: boolean, apiPolicy: string, operationPolicy?: string): MemoryWorkspace {
  return new MemoryWorkspace({
    'products/gold/productInformation.json': '{}',
    'products/gold/apis/orders/productApiInformation.json': '{}',
    'apis/orders/apiInformation.json': JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired } }),
    'apis/orders/policy.xml': apiPolicy,
    ...(operationPolicy === undefined ? {} : { 'apis/orders/operations/get/policy.xml': operationPolicy }),
  });
}

describe('cache-vary-missing', () => {
  test('private response caching of token-bearing requests without varying by Authorization is a warning on the cache-lookup', () => {
    const text = policy(`${JWT}    <cache-lookup vary-by-developer="true" vary-by-developer-groups="false" allow-private-response-caching="true" />\n`);
    const [finding, ...rest] = api(false, text).findingsOf(RULE, 'apis/orders/policy.xml');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'cache-lookup');
    assert.equal(
      finding.message,
      'The cache-lookup in API orders caches token-bearing requests (allow-private-response-caching="true") but does not vary by Authorization, so one user\'s cached response can be served to another: add <vary-by-header>Authorization</vary-by-header>.',
    );
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      text.replace(
        'allow-private-response-caching="true" />',
        'allow-private-response-caching="true">\n      <vary-by-header>Authorization</vary-by-header>\n    </cache-lookup>',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(api(false, fixed).findingsOf(RULE, 'apis/orders/policy.xml'), []);
  });

  test('requests with an Authorization header are not cached by default, so the default is safe, also for subscribers', () => {
    const text = policy(`${JWT}    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n`);
    assert.deepEqual(looseFindings(RULE, text), []);
    assert.deepEqual(api(true, text).findingsOf(RULE, 'apis/orders/policy.xml'), []);
  });

  test('a token read from another header or a query parameter must be varied by, whatever private caching says', () => {
    const header = policy(
      '    <validate-azure-ad-token tenant-id="contoso" header-name="X-User-Token" />\n    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n',
    );
    assert.match(
      looseFindings(RULE, header)[0]?.message ?? '',
      /token comes in header X-User-Token but does not vary by it, .*<vary-by-header>X-User-Token<\/vary-by-header>\.$/,
    );
    const varied = header.replace(
      'vary-by-developer-groups="false" />',
      'vary-by-developer-groups="false">\n      <vary-by-header>x-user-token</vary-by-header>\n    </cache-lookup>',
    );
    assert.deepEqual(looseFindings(RULE, varied), []);
    const query = policy(
      '    <validate-jwt query-parameter-name="access_token" />\n    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false">\n      <vary-by-query-parameter>page;access_token</vary-by-query-parameter>\n    </cache-lookup>\n',
    );
    assert.deepEqual(looseFindings(RULE, query), []);
    assert.match(
      looseFindings(RULE, query.replace('page;access_token', 'page'))[0]?.message ?? '',
      /<vary-by-query-parameter>access_token<\/vary-by-query-parameter>/,
    );
  });

  test('subscription keys: subscribers share the cache unless it varies by developer; reported at info level with a fix', () => {
    const text = policy('    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n');
    const [finding] = api(true, text).findingsOf(RULE, 'apis/orders/policy.xml');
    assert.equal(finding.severity, 'info');
    assert.equal(
      finding.message,
      'The cache-lookup in API orders shares cached responses between all subscribers of the API: if responses depend on the caller, set vary-by-developer="true".',
    );
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(fixed, text.replace('vary-by-developer="false"', 'vary-by-developer="true"'));
    assert.deepEqual(api(true, fixed).findingsOf(RULE, 'apis/orders/policy.xml'), []);
    const added = applyFix(
      policy('    <cache-lookup downstream-caching-type="none" />\n'),
      api(true, policy('    <cache-lookup downstream-caching-type="none" />\n')).findingsOf(RULE, 'apis/orders/policy.xml')[0].fixes[0],
    );
    assert.equal(added, policy('    <cache-lookup vary-by-developer="true" downstream-caching-type="none" />\n'));
  });

  test('open APIs, computed settings and caches that vary by the key are left alone', () => {
    assert.deepEqual(
      api(false, policy('    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n')).findingsOf(RULE, 'apis/orders/policy.xml'),
      [],
    );
    assert.deepEqual(
      api(true, policy('    <cache-lookup vary-by-developer="@(true)" vary-by-developer-groups="false" />\n')).findingsOf(RULE, 'apis/orders/policy.xml'),
      [],
    );
    const byKey = policy(
      '    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false">\n      <vary-by-header>Ocp-Apim-Subscription-Key</vary-by-header>\n    </cache-lookup>\n',
    );
    assert.deepEqual(api(true, byKey).findingsOf(RULE, 'apis/orders/policy.xml'), []);
    const computedHeader = policy(
      `${JWT}    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" allow-private-response-caching="true">\n      <vary-by-header>@(context.Variables.GetValueOrDefault&lt;string&gt;("h"))</vary-by-header>\n    </cache-lookup>\n`,
    );
    assert.deepEqual(api(false, computedHeader).findingsOf(RULE, 'apis/orders/policy.xml'), []);
  });

  test('an API-level cache-lookup is reported once, on the API; the operation document stays quiet', () => {
    const workspace = api(true, policy('    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n'), policy(''));
    assert.equal(workspace.findingsOf(RULE, 'apis/orders/policy.xml').length, 1);
    assert.deepEqual(workspace.findingsOf(RULE, 'apis/orders/operations/get/policy.xml'), []);
  });

  test('a cache-lookup from a parent scope is reported on this document without a fix', () => {
    const workspace = new MemoryWorkspace({
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': policy('    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n'),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': JSON.stringify({ properties: { subscriptionRequired: true } }),
      'apis/orders/policy.xml': policy(''),
    });
    const [finding] = workspace.findingsOf(RULE, 'apis/orders/policy.xml');
    assert.match(finding.message, /^The cache-lookup in product gold shares cached responses/);
    assert.equal(policy('').slice(finding.span.start, finding.span.end), 'inbound');
    assert.deepEqual(finding.fixes, []);
  });
});
