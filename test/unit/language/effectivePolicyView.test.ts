import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectivePolicyView } from '../../../server/src/engine/language/effectivePolicyView';
import { MemoryWorkspace } from '../../../server/src/testing/memoryWorkspace';

const POLICY = (statement: string) =>
  `<policies>\n  <inbound>\n    <base />\n    ${statement}\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;

const FILES: Record<string, string> = {
  'apis/orders-api/apiInformation.json': '{ "properties": { "displayName": "Orders", "path": "orders", "subscriptionRequired": true } }',
  'apis/orders-api/policy.xml': POLICY('<set-header name="x" exists-action="override"><value>a</value></set-header>'),
  'apis/orders-api/operations/create-order/policy.xml': POLICY('<set-variable name="v" value="1" />'),
  'products/starter/productInformation.json': '{ "properties": { "displayName": "Starter", "subscriptionRequired": true } }',
  'products/starter/policy.xml': POLICY('<rate-limit calls="5" renewal-period="60" />'),
  'products/starter/apis/orders-api/productApiInformation.json': '{}',
  'products/unlimited/productInformation.json': '{ "properties": { "displayName": "Unlimited", "subscriptionRequired": true } }',
  'products/unlimited/policy.xml': POLICY('<quota calls="1000" renewal-period="3600" />'),
  'products/unlimited/apis/orders-api/productApiInformation.json': '{}',
};

test('the effective policy view: one chain at a time, titled by API, operation and product, with the chains to switch to', () => {
  const { workspace } = new MemoryWorkspace(FILES);
  const path = `${workspace.root}/apis/orders-api/operations/create-order/policy.xml`;
  const text = FILES['apis/orders-api/operations/create-order/policy.xml'];
  const first = effectivePolicyView(path, text, workspace);
  assert.equal(first.title, 'Effective policy: orders-api / create-order (via product starter)');
  assert.deepEqual(first.chains, ['via product starter', 'via product unlimited']);
  assert.match(first.text, /calls="5"/);
  assert.doesNotMatch(first.text, /quota/);
  const second = effectivePolicyView(path, text, workspace, 'via product unlimited');
  assert.equal(second.title, 'Effective policy: orders-api / create-order (via product unlimited)');
  assert.match(second.text, /<quota calls="1000"/);
});

test('a loose policy and a fragment', () => {
  assert.equal(effectivePolicyView('/loose/x.policy.xml', POLICY('<base />'), undefined).title, 'Effective policy: this document');
  const { workspace } = new MemoryWorkspace({ 'policy fragments/f/policy.xml': '<fragment><set-variable name="v" value="1" /></fragment>' });
  const fragment = effectivePolicyView(`${workspace.root}/policy fragments/f/policy.xml`, '<fragment />', workspace);
  assert.deepEqual(fragment.chains, []);
  assert.match(fragment.text, /fragment runs inside the policies that include it/);
});
