import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';

const CODE = 'expression-variable-not-set';

/** A policy with `<base />` in every section and `inbound` statements after it. */
function inheriting(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n    ${inbound}\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;
}

const READ = '<set-header name="a" exists-action="override"><value>@((string)context.Variables["tenant"])</value></set-header>';
const SET = '<set-variable name="tenant" value="@(context.Request.Headers.GetValueOrDefault(&quot;t&quot;, &quot;&quot;))" />';
const API_INFO = JSON.stringify({ properties: { displayName: 'Orders', path: 'orders' } });

describe('context.Variables[...] read against the effective policy', () => {
  test('set in a parent scope (through <base />): not reported', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': inheriting(SET),
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(READ),
    });
    assert.deepEqual(workspace.findingsOf(CODE, 'apis/orders/policy.xml'), []);
  });

  test('set in a fragment the document includes, or one a parent includes: not reported', () => {
    const files = {
      'fragments/tenant/policy.xml': `<fragment>${SET}</fragment>`,
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(`<include-fragment fragment-id="tenant" />\n    ${READ}`),
      'apis/billing/apiInformation.json': API_INFO,
      'apis/billing/policy.xml': inheriting('<include-fragment fragment-id="tenant" />'),
      'apis/billing/operations/get/policy.xml': inheriting(READ),
    };
    const workspace = new MemoryWorkspace(files);
    assert.deepEqual(workspace.findingsOf(CODE, 'apis/orders/policy.xml'), []);
    assert.deepEqual(workspace.findingsOf(CODE, 'apis/billing/operations/get/policy.xml'), []);
  });

  test('set in a scope below (an operation around the API policy): not reported on the API', () => {
    const workspace = new MemoryWorkspace({
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(READ),
      'apis/orders/operations/get/policy.xml': inheriting(SET),
    });
    assert.deepEqual(workspace.findingsOf(CODE, 'apis/orders/policy.xml'), []);
  });

  test('set nowhere in a fully known chain: info, naming where it looked', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': inheriting('<set-variable name="other" value="x" />'),
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(READ),
      'apis/orders/operations/get/policy.xml': inheriting(READ),
    });
    for (const path of ['apis/orders/policy.xml', 'apis/orders/operations/get/policy.xml']) {
      const findings = workspace.findingsOf(CODE, path);
      assert.equal(findings.length, 1, path);
      assert.equal(findings[0].severity, 'info');
      assert.match(
        findings[0].message,
        /No policy sets the variable 'tenant' \(looked in this document, its parent scopes, the scopes below it and the fragments they include\)/,
      );
    }
  });

  test('a product: its member APIs count; set nowhere is reported; a global policy is not checked', () => {
    const files = {
      'policy.xml': inheriting(READ),
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': inheriting(READ),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'products/free/productInformation.json': '{}',
      'products/free/policy.xml': inheriting(READ.replace('tenant', 'region')),
      'products/free/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(SET),
    };
    const workspace = new MemoryWorkspace(files);
    assert.deepEqual(workspace.findingsOf(CODE, 'products/gold/policy.xml'), []);
    assert.equal(workspace.findingsOf(CODE, 'products/free/policy.xml').length, 1);
    assert.deepEqual(workspace.findingsOf(CODE, 'policy.xml'), [], 'everything runs below the global policy: not claimed');
  });

  test('a fragment that cannot be found hides what it might set: silent', () => {
    const workspace = new MemoryWorkspace({
      'fragments/other/policy.xml': '<fragment><set-variable name="x" value="1" /></fragment>',
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': inheriting(`<include-fragment fragment-id="missing" />\n    ${READ}`),
    });
    assert.deepEqual(workspace.findingsOf(CODE, 'apis/orders/policy.xml'), []);
  });

  test('a loose document with <base />: the parent chain is unknown, so nothing is claimed', () => {
    assert.deepEqual(looseFindings(CODE, inheriting(READ)), []);
    assert.equal(looseFindings(CODE, `<policies><inbound>${READ}</inbound></policies>`).length, 1, 'a self-contained loose document is still checked');
  });
});
