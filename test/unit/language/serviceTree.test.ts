import { describe, test } from 'node:test';
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

const INLINE_POLICY =
  '<policies>\n  <inbound>\n    <base />\n    <set-header name="x" exists-action="override">\n      <value>1</value>\n    </set-header>\n  </inbound>\n</policies>\n';

const BICEP = `resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'contoso-bicep'
}

resource orders 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: 'orders'
  properties: {
    displayName: 'Orders'
    path: 'orders'
  }
}

resource ordersPolicy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {
  parent: orders
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '''
${INLINE_POLICY}'''
  }
}

resource create 'Microsoft.ApiManagement/service/apis/operations@2023-05-01-preview' = {
  parent: orders
  name: 'create'
  properties: {
    method: 'POST'
    urlTemplate: '/orders'
  }
}

resource gold 'Microsoft.ApiManagement/service/products@2023-05-01-preview' = {
  parent: apim
  name: 'gold'
  properties: {
    displayName: 'Gold'
  }
}

resource goldPolicy 'Microsoft.ApiManagement/service/products/policies@2023-05-01-preview' = {
  parent: gold
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: loadTextContent('gold.xml')
  }
}

resource goldOrders 'Microsoft.ApiManagement/service/products/apis@2023-05-01-preview' = {
  parent: gold
  name: 'orders'
}

resource region 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: apim
  name: 'region'
  properties: {
    displayName: 'region'
    value: 'westeurope'
  }
}

resource backend 'Microsoft.ApiManagement/service/backends@2023-05-01-preview' = {
  parent: apim
  name: 'orders-backend'
  properties: {
    url: 'http://orders.internal'
    protocol: 'http'
  }
}
`;

const ARM = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      { type: 'Microsoft.ApiManagement/service', apiVersion: '2022-08-01', name: 'contoso-arm', properties: {} },
      {
        type: 'Microsoft.ApiManagement/service/apis',
        apiVersion: '2022-08-01',
        name: 'contoso-arm/echo',
        properties: { displayName: 'Echo', path: 'echo' },
      },
      {
        type: 'Microsoft.ApiManagement/service/apis/policies',
        apiVersion: '2022-08-01',
        name: 'contoso-arm/echo/policy',
        properties: { format: 'rawxml', value: INLINE_POLICY },
      },
      {
        type: 'Microsoft.ApiManagement/service/policyFragments',
        apiVersion: '2022-08-01',
        name: 'contoso-arm/cors',
        properties: {
          format: 'rawxml',
          value: '<fragment>\n  <cors>\n    <allowed-origins>\n      <origin>https://a.example</origin>\n    </allowed-origins>\n  </cors>\n</fragment>',
        },
      },
    ],
  },
  null,
  2,
);

describe('the service view of templates', () => {
  const files = { 'infra/main.bicep': BICEP, 'infra/gold.xml': POLICY, 'arm/azuredeploy.json': ARM };
  const { workspace } = new MemoryWorkspace(files);
  const root = workspace.root;
  const at = (path: string, needle: string): number => files[path as keyof typeof files].indexOf(needle);
  // Findings (absolute path -> start offsets): one inside the inline API policy, one in the backend's body, one in gold.xml.
  const findings: Record<string, number[]> = {
    [`${root}/infra/main.bicep`]: [at('infra/main.bicep', '<set-header'), at('infra/main.bicep', "'http://orders.internal'")],
    [`${root}/infra/gold.xml`]: [3],
  };
  const countOf = (path: string, span?: { start: number; end: number }): number | undefined =>
    findings[path]?.filter((offset) => span === undefined || (offset >= span.start && offset < span.end)).length;
  const nodes = serviceTree(workspace, countOf);
  const byLabel = (label: string): ServiceTreeNode => {
    const found = [...walk(nodes)].find((node) => node.label === label);
    assert.ok(found, `no node ${label}`);
    return found;
  };

  test('Bicep and ARM services appear beside APIOps, with their APIs, operations, products, fragments, named values and backends', () => {
    assert.deepEqual(outline(nodes), [
      [
        'service',
        'contoso-bicep',
        'Bicep infra/main.bicep',
        '-',
        false,
        [
          ['group', 'APIs', '1', '-', false, [['api', 'orders', 'Orders', 1, true, [['operation', 'create', 'POST', 0, false]]]]],
          ['group', 'Products', '1', '-', false, [['product', 'gold', '1 API', 1, true]]],
          ['group', 'Named values', '1', '-', false, [['named-value', 'region', 'plain', 0, false]]],
          ['group', 'Backends', '1', '-', false, [['backend', 'orders-backend', 'http://orders.internal', 1, false]]],
        ],
      ],
      [
        'service',
        'contoso-arm',
        'ARM arm/azuredeploy.json',
        '-',
        false,
        [
          ['group', 'APIs', '1', '-', false, [['api', 'echo', 'Echo', '-', true]]],
          ['group', 'Policy fragments', '1', '-', false, [['fragment', 'cors', '', '-', false]]],
        ],
      ],
    ]);
  });

  test('an inline policy opens its template at the policy string and names its effective policy by line', () => {
    const api = byLabel('orders');
    assert.equal(api.file, `${root}/infra/main.bicep`);
    assert.ok(api.span);
    assert.equal(BICEP.slice(api.span.start, api.span.start + 3), "'''");
    assert.equal(api.policy, `${root}/infra/main.bicep#L${BICEP.slice(0, api.span.start).split('\n').length}`);
    assert.equal(workspace.textOf(api.policy.slice(root.length + 1)), INLINE_POLICY);
  });

  test('a loaded XML file is the product policy; declarations open at their resource', () => {
    const gold = byLabel('gold');
    assert.equal(gold.file, `${root}/infra/gold.xml`);
    assert.equal(gold.span, undefined);
    assert.equal(gold.policy, `${root}/infra/gold.xml`);
    const backend = byLabel('orders-backend');
    assert.equal(backend.file, `${root}/infra/main.bicep`);
    assert.ok(backend.span);
    assert.match(
      BICEP.slice(backend.span.start, backend.span.end),
      /^'Microsoft\.ApiManagement\/service\/backends@[^']+' = \{[^]*'http:\/\/orders\.internal'[^]*\}$/,
    );
    const operation = byLabel('create');
    assert.equal(operation.hasEffectivePolicy, undefined);
    assert.match(BICEP.slice(operation.span?.start, operation.span?.end), /^'Microsoft\.ApiManagement\/service\/apis\/operations@/);
  });
});

function* walk(nodes: readonly ServiceTreeNode[]): Generator<ServiceTreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children ?? []);
  }
}
