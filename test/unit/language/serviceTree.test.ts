import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceTree, type ServiceTreeNode } from '../../../server/src/engine/language/serviceTree';
import { MemoryWorkspace } from '../../../server/src/testing/memoryWorkspace';

const POLICY =
  '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n';

function outline(nodes: readonly ServiceTreeNode[]): unknown[] {
  return nodes.map((node) => [
    node.kind,
    node.label,
    node.description ?? '',
    node.findings ?? '-',
    node.hasEffectivePolicy === true,
    ...(node.children ? [outline(node.children)] : []),
  ]);
}

test('the service view: APIs with operations, products, fragments, named values and backends, with finding counts', () => {
  const { workspace } = new MemoryWorkspace({
    'policy.xml': POLICY,
    'apis/orders/apiInformation.json': '{ "properties": { "displayName": "Orders", "path": "orders" } }',
    'apis/orders/policy.xml': POLICY,
    'apis/orders/operations/create/policy.xml': POLICY,
    'products/starter/productInformation.json': '{ "properties": { "displayName": "Starter" } }',
    'products/starter/policy.xml': POLICY,
    'products/starter/apis/orders/productApiInformation.json': '{}',
    'policy fragments/cors/policy.xml': '<fragment />',
    'named values/key/namedValueInformation.json': '{ "properties": { "displayName": "key", "secret": true } }',
    'backends/orders-backend/backendInformation.json': '{ "properties": { "url": "https://orders.internal" } }',
  });
  const counts: Record<string, number> = { [`${workspace.root}/apis/orders/policy.xml`]: 3 };
  const nodes = serviceTree(workspace, (path) => counts[path] ?? (path.endsWith('policy.xml') ? 0 : undefined));
  assert.deepEqual(outline(nodes), [
    [
      'service',
      'Service',
      'classic',
      '-',
      false,
      [
        ['global', 'Global policy', '', 0, true],
        ['group', 'APIs', '1', '-', false, [['api', 'orders', 'Orders', 3, true, [['operation', 'create', '', 0, true]]]]],
        ['group', 'Products', '1', '-', false, [['product', 'starter', '1 API', 0, true]]],
        ['group', 'Policy fragments', '1', '-', false, [['fragment', 'cors', '', 0, false]]],
        ['group', 'Named values', '1', '-', false, [['named-value', 'key', 'secret', '-', false]]],
        ['group', 'Backends', '1', '-', false, [['backend', 'orders-backend', 'https://orders.internal', '-', false]]],
      ],
    ],
  ]);
});
