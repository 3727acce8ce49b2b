import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { effectivePoliciesForPolicyFile } from '../../../server/src/engine/workspace/effectivePolicy';
import { scopeChainsForApi, scopeChainsForPolicyFile, type ScopeChain } from '../../../server/src/engine/workspace/scopeChain';
import type { ArtifactRoot, ServiceModel } from '../../../server/src/engine/workspace/serviceModel';
import { discoverWorkspaceModel } from '../../../server/src/engine/workspace/templateDiscovery';
import { templateRootPath } from '../../../server/src/engine/workspace/templateServiceModel';
import { API_XML, ARM, BICEP, GLOBAL_XML, NO_BASE_XML } from './templateFixtures';

function modelOf(files: Readonly<Record<string, string>>): ServiceModel {
  return discoverWorkspaceModel(Object.keys(files), (path) => files[path]);
}

function rootOf(model: ServiceModel, service: string): ArtifactRoot {
  const root = model.roots.find((candidate) => candidate.path === templateRootPath(service));
  assert.ok(root, `service ${service} not found among ${model.roots.map((candidate) => candidate.path).join(', ')}`);
  return root;
}

function describeChains(chains: readonly ScopeChain[]): string[] {
  return chains.map((chain) => `${chain.name}: ${chain.levels.map((level) => `${level.label} (${level.policyPath ?? '-'})`).join(' > ')}`);
}

/** Inbound statement names of each chain's effective policy, using the model's inline texts and the files. */
function inbound(model: ServiceModel, files: Readonly<Record<string, string>>, path: string): string[][] {
  const documentFor = (candidate: string) => {
    const text = model.inlinePolicies?.get(candidate) ?? files[candidate];
    return text === undefined ? undefined : parsePolicy(text).document;
  };
  return effectivePoliciesForPolicyFile(model, path, documentFor).map((policy) => policy.sections.inbound.statements.map((statement) => statement.name));
}

describe('the service model from Bicep', () => {
  const files = {
    'infra/main.bicep': BICEP,
    'infra/policies/global.xml': GLOBAL_XML,
    'infra/policies/orders.xml': API_XML,
    'infra/policies/raw.xml': NO_BASE_XML,
  };
  const model = modelOf(files);

  test('the service, its product, APIs, links, backends and named values', () => {
    const root = rootOf(model, 'contoso-apim');
    assert.deepEqual(root.templates, ['infra/main.bicep']);
    assert.equal(root.globalPolicyPath, 'infra/policies/global.xml');
    assert.deepEqual([...root.service.apis.keys()], ['orders', 'raw']);
    assert.deepEqual(root.service.products.get('free')?.apiNames, ['orders', 'raw']);
    assert.equal(root.service.products.get('free')?.subscriptionRequired, true);
    assert.deepEqual(root.service.apis.get('orders')?.products, ['free']);
    assert.equal(root.service.apis.get('orders')?.information?.path, 'orders');
    assert.deepEqual(
      [...(root.service.apis.get('raw')?.operations.values() ?? [])].map((operation) => `${operation.method} ${operation.urlTemplate}`),
      ['GET /items/{id}'],
    );
    assert.equal(root.service.backends.get('orders-backend')?.url, 'https://orders.example.com');
    assert.equal(root.service.namedValues.get('orders-key')?.secret, true);
  });

  test('a loaded XML file is the policy of its scope, with its real chain', () => {
    assert.deepEqual(model.policyFiles.get('infra/policies/raw.xml'), {
      kind: 'api',
      root: templateRootPath('contoso-apim'),
      workspace: undefined,
      api: 'raw',
    });
    assert.deepEqual(model.policyFiles.get('infra/policies/global.xml')?.kind, 'global');
    assert.deepEqual(describeChains(scopeChainsForPolicyFile(model, 'infra/policies/orders.xml')), [
      'via product free: global (infra/policies/global.xml) > product free (-) > API orders (infra/policies/orders.xml)',
    ]);
  });

  test('the API that drops <base /> loses the global statements', () => {
    assert.deepEqual(inbound(model, files, 'infra/policies/orders.xml'), [['cors', 'set-header']]);
    assert.deepEqual(inbound(model, files, 'infra/policies/raw.xml'), [['set-header']]);
  });
});

describe('the service model from an ARM template', () => {
  const files = { 'arm/azuredeploy.json': ARM };
  const model = modelOf(files);

  test('names from concat and format with defaulted parameters and variables; nested and flat children', () => {
    const root = rootOf(model, 'contoso-apim');
    assert.deepEqual([...root.service.apis.keys()], ['orders', 'raw']);
    assert.deepEqual(root.service.products.get('free')?.apiNames, ['orders', 'raw']);
    const raw = root.service.apis.get('raw')?.policyPath;
    assert.ok(raw !== undefined && model.inlinePolicies?.get(raw) === NO_BASE_XML);
    assert.deepEqual(
      describeChains(scopeChainsForApi(model, root.path, undefined, 'raw', undefined)).map((chain) => chain.replace(/#L\d+/g, '#L')),
      ['via product free: global (arm/azuredeploy.json#L) > product free (-) > API raw (arm/azuredeploy.json#L)'],
    );
  });

  test('the inline policies chain like files: the API without <base /> drops the global cors', () => {
    const root = rootOf(model, 'contoso-apim');
    assert.deepEqual(inbound(model, files, root.service.apis.get('orders')?.policyPath ?? ''), [['cors', 'set-header']]);
    assert.deepEqual(inbound(model, files, root.service.apis.get('raw')?.policyPath ?? ''), [['set-header']]);
  });
});

describe('loops and unknown names', () => {
  test('a Bicep loop over a literal list declares one API per item, each linked to the product', () => {
    const model = modelOf({
      'main.bicep': `param apimName string = 'svc'
var apis = [
  { name: 'alpha', path: 'a' }
  { name: 'beta', path: 'b' }
]
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: apimName }
resource product 'Microsoft.ApiManagement/service/products@2023-05-01-preview' = { parent: apim, name: 'free', properties: { displayName: 'Free' } }
resource apiResources 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = [for api in apis: {
  parent: apim
  name: api.name
  properties: { path: api.path }
}]
resource links 'Microsoft.ApiManagement/service/products/apis@2023-05-01-preview' = [for (api, i) in apis: {
  parent: product
  name: api.name
}]
resource policies 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = [for (api, i) in apis: {
  parent: apiResources[i]
  name: 'policy'
  properties: { value: loadTextContent('api.xml') }
}]
`,
      'api.xml': API_XML,
    });
    const root = rootOf(model, 'svc');
    assert.deepEqual([...root.service.apis.keys()], ['alpha', 'beta']);
    assert.deepEqual(root.service.products.get('free')?.apiNames, ['alpha', 'beta']);
    assert.equal(root.service.apis.get('beta')?.policyPath, 'api.xml');
    assert.deepEqual(model.policyFiles.get('api.xml'), { kind: 'api', root: root.path, workspace: undefined, api: 'alpha' });
  });

  test('an ARM copy loop declares one API per index', () => {
    const arm = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { apimName: { type: 'string', defaultValue: 'svc' }, apis: { type: 'array', defaultValue: ['one', 'two', 'three'] } },
      resources: [
        {
          type: 'Microsoft.ApiManagement/service/apis',
          apiVersion: '2022-08-01',
          name: "[concat(parameters('apimName'), '/', parameters('apis')[copyIndex()])]",
          copy: { name: 'apiLoop', count: "[length(parameters('apis'))]" },
          properties: {},
        },
      ],
    };
    const root = rootOf(modelOf({ 'azuredeploy.json': JSON.stringify(arm) }), 'svc');
    assert.deepEqual([...root.service.apis.keys()], ['one', 'two', 'three']);
  });

  test('names that cannot be known join as "unknown name" with where they are declared, never guessed', () => {
    const model = modelOf({
      'main.bicep': `param apimName string
param apiName string
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: apimName }
resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: apiName
  properties: { path: 'x' }
}
resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {
  parent: api
  name: 'policy'
  properties: { value: loadTextContent('x.xml') }
}
resource loop 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = [for item in externalList: {
  parent: apim
  name: item
}]
`,
      'x.xml': API_XML,
    });
    const root = rootOf(model, 'unknown name (main.bicep)');
    assert.deepEqual([...root.service.apis.keys()], ['unknown name (main.bicep:4)', 'unknown name (main.bicep:14)']);
    assert.equal(root.service.apis.get('unknown name (main.bicep:4)')?.policyPath, 'x.xml');
  });
});

describe('modules', () => {
  test("a local module deployed with the caller's arguments (and once per loop item) joins the caller's service", () => {
    const model = modelOf({
      'main.bicep': `param apimName string = 'svc'
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = { name: apimName }
module one 'modules/api.bicep' = {
  name: 'api-one'
  params: { apimName: apim.name, apiName: 'one' }
}
module many 'modules/api.bicep' = [for name in ['two', 'three']: {
  name: 'api-\${name}'
  params: { apimName: apimName, apiName: name }
}]
`,
      'modules/api.bicep': `param apimName string = 'default-service'
param apiName string
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: apimName }
resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: apiName
  properties: { path: apiName }
  resource policy 'policies' = { name: 'policy', properties: { value: loadTextContent('api.xml') } }
}
`,
      'modules/api.xml': API_XML,
    });
    assert.deepEqual(
      model.roots.map((root) => root.path),
      [templateRootPath('svc')],
    );
    const root = rootOf(model, 'svc');
    assert.deepEqual([...root.service.apis.keys()], ['one', 'two', 'three']);
    assert.equal(root.service.apis.get('one')?.policyPath, 'modules/api.xml');
  });
});

describe('the service model from a Terraform module', () => {
  const files = {
    'tf/main.tf': [
      'variable "apim_name" {}',
      'resource "azurerm_api_management" "apim" {',
      '  name = var.apim_name',
      '}',
      'resource "azurerm_api_management_policy" "global" {',
      '  api_management_id = azurerm_api_management.apim.id',
      '  xml_content       = file("${path.module}/policies/global.xml")',
      '}',
      '',
    ].join('\n'),
    'tf/apis.tf': [
      'resource "azurerm_api_management_api" "orders" {',
      '  name                = "orders"',
      '  api_management_name = azurerm_api_management.apim.name',
      '  path                = "orders"',
      '}',
      'resource "azurerm_api_management_api_policy" "orders" {',
      '  api_name            = azurerm_api_management_api.orders.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  xml_content         = file("${path.module}/policies/orders.xml")',
      '}',
      '',
    ].join('\n'),
    'tf/policies/global.xml': GLOBAL_XML,
    'tf/policies/orders.xml': API_XML,
  };
  const model = modelOf(files);

  test('files of one module folder declare one service; file() policies get their scope and chain', () => {
    const root = rootOf(model, 'unknown name (tf/*.tf)');
    assert.deepEqual(root.templates, ['tf/main.tf', 'tf/apis.tf']);
    assert.equal(root.globalPolicyPath, 'tf/policies/global.xml');
    assert.equal(model.policyFiles.get('tf/policies/orders.xml')?.kind, 'api');
    assert.deepEqual(inbound(model, files, 'tf/policies/orders.xml'), [['cors', 'set-header']]);
  });
});
