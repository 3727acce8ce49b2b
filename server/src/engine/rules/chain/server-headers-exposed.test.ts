import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const RULE = 'server-headers-exposed';
const DELETE_BOTH = '    <set-header name="X-Powered-By" exists-action="delete" />\n    <set-header name="X-AspNet-Version" exists-action="delete" />\n';

function globalPolicy(outbound: string): string {
  return `<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound>\n${outbound}  </outbound>\n</policies>\n`;
}

function scopePolicy(outbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n${outbound}  </outbound>\n</policies>\n`;
}

const API_INFO = JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: false } });
const BOTH_MESSAGE =
  'Responses can reveal the backend\'s X-Powered-By and X-AspNet-Version headers: delete them with set-header exists-action="delete" in outbound, best in the global policy.';

describe('server-headers-exposed', () => {
  test('a global policy that deletes both headers covers every API', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': globalPolicy(DELETE_BOTH),
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': scopePolicy(''),
    });
    assert.deepEqual(workspace.findingsOf(RULE, 'apis/orders/policy.xml'), []);
  });

  test('reported on the API outbound when nothing on the chain deletes them, naming only what is left', () => {
    const text = scopePolicy('');
    const workspace = new MemoryWorkspace({
      'policy.xml': globalPolicy('    <set-header name="x-powered-by" exists-action="override"><value>gateway</value></set-header>\n'),
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': text,
    });
    const [finding] = workspace.findingsOf(RULE, 'apis/orders/policy.xml');
    assert.equal(finding.severity, 'info');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'outbound');
    assert.equal(
      finding.message,
      'Responses can reveal the backend\'s X-AspNet-Version header: delete it with set-header exists-action="delete" in outbound, best in the global policy.',
    );
  });

  test('names the products whose chain leaves them in', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': globalPolicy(''),
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': scopePolicy(DELETE_BOTH),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'products/free/productInformation.json': '{}',
      'products/free/policy.xml': scopePolicy(''),
      'products/free/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': JSON.stringify({ properties: { subscriptionRequired: true } }),
      'apis/orders/policy.xml': scopePolicy(''),
    });
    assert.deepEqual(
      workspace.findingsOf(RULE, 'apis/orders/policy.xml').map((finding) => finding.message),
      [BOTH_MESSAGE.replace('Responses can', 'Responses via product free can')],
    );
  });

  test('an operation is reported only when it throws the inherited outbound away', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': globalPolicy(DELETE_BOTH),
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/operations/get/policy.xml': scopePolicy(''),
      'apis/orders/operations/post/policy.xml':
        '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <set-header name="X-Order" exists-action="override"><value>1</value></set-header>\n  </outbound>\n</policies>\n',
      'apis/weather/apiInformation.json': API_INFO,
      'apis/weather/operations/get/policy.xml': scopePolicy(''),
    });
    assert.deepEqual(workspace.findingsOf(RULE, 'apis/orders/operations/get/policy.xml'), []);
    assert.deepEqual(
      workspace.findingsOf(RULE, 'apis/orders/operations/post/policy.xml').map((finding) => finding.message),
      [BOTH_MESSAGE],
    );
  });

  test('silent when the global policy is out of sight, the API never reaches a backend, or a header name is computed', () => {
    const files = { 'apis/orders/apiInformation.json': API_INFO, 'apis/orders/policy.xml': scopePolicy('') };
    assert.deepEqual(new MemoryWorkspace(files).findingsOf(RULE, 'apis/orders/policy.xml'), [], 'no global policy file');
    assert.deepEqual(looseFindings(RULE, scopePolicy('')), [], 'a loose document inherits an unknown outbound');
    const mock =
      '<policies>\n  <inbound>\n    <base />\n    <mock-response status-code="200" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n';
    assert.deepEqual(
      new MemoryWorkspace({ ...files, 'policy.xml': globalPolicy(''), 'apis/orders/policy.xml': mock }).findingsOf(RULE, 'apis/orders/policy.xml'),
      [],
    );
    const computed = globalPolicy('    <set-header name="@(&quot;X-Powered-By&quot;)" exists-action="delete" />\n');
    assert.deepEqual(looseFindings(RULE, computed), []);
  });

  test('a loose document that owns its outbound is reported, and the fix deletes both headers there', () => {
    const text =
      '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n';
    // Without <base /> in outbound the document is fully known.
    const owned = text.replace(
      '<outbound>\n    <base />\n',
      '<outbound>\n    <set-header name="X-Served-By" exists-action="override"><value>apim</value></set-header>\n',
    );
    const [finding] = looseFindings(RULE, owned);
    assert.equal(finding.message, BOTH_MESSAGE);
    const fixed = applyFix(owned, finding.fixes[0]);
    assert.equal(
      fixed,
      owned.replace(
        '<outbound>\n',
        '<outbound>\n    <set-header name="X-Powered-By" exists-action="delete" />\n    <set-header name="X-AspNet-Version" exists-action="delete" />\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(looseFindings(RULE, fixed), []);
    assert.equal(finding.fixes[0].isPreferred, false);
  });

  test('the fix creates a missing outbound section', () => {
    const text = '<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n</policies>\n';
    const [finding] = looseFindings(RULE, text);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      '<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound>\n    <base />\n    <set-header name="X-Powered-By" exists-action="delete" />\n    <set-header name="X-AspNet-Version" exists-action="delete" />\n  </outbound>\n</policies>\n',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
  });
});
