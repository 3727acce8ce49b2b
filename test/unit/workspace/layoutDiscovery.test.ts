import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import type { ArtifactRoot, ServiceModel } from '../../../server/src/engine/workspace/serviceModel';
import { folderWorkspace, memoryWorkspace } from './workspaceFiles';

const workspace = folderWorkspace(join(FIXTURES, 'workspace'));
const model = discoverServiceModel(workspace.paths, workspace.readText);

function root(serviceModel: ServiceModel, path: string): ArtifactRoot {
  const found = serviceModel.roots.find((candidate) => candidate.path === path);
  assert.ok(found, `root ${path} not found`);
  return found;
}

describe('discoverServiceModel on the classic fixture tree', () => {
  const classic = root(model, 'classic/artifacts');

  test('finds the artifact roots and nothing else', () => {
    assert.deepEqual(
      model.roots.map((candidate) => candidate.path),
      ['classic/artifacts', 'cli/apim-artifacts', 'specification/artifacts'],
    );
    assert.equal(classic.flavour, 'classic');
    assert.equal(classic.globalPolicyPath, 'classic/artifacts/policy.xml');
  });

  test('reads API information, revisions and AI evidence', () => {
    assert.deepEqual([...classic.service.apis.keys()].sort(), ['broken', 'chat-api', 'orders', 'orders;rev=2', 'public-api']);
    const orders = classic.service.apis.get('orders');
    assert.equal(orders?.information?.subscriptionRequired, true);
    assert.equal(orders?.information?.isCurrent, true);
    assert.equal(orders?.revision, undefined);
    const revision = classic.service.apis.get('orders;rev=2');
    assert.equal(revision?.name, 'orders');
    assert.equal(revision?.revision, '2');
    assert.equal(revision?.information?.isCurrent, false);
    assert.equal(revision?.policyPath, 'classic/artifacts/apis/orders;rev=2/policy.xml');
    const publicApi = classic.service.apis.get('public-api');
    assert.equal(publicApi?.information?.type, 'soap');
    assert.deepEqual(publicApi?.information?.protocols, ['http', 'https']);
    assert.equal(publicApi?.information?.serviceUrl, 'http://public.example.com/soap');
    assert.equal(orders?.information?.type, 'http');
    assert.equal(classic.service.apis.get('chat-api')?.aiEvidence, 'service URL host contoso-ai.openai.azure.com');
    assert.equal(orders?.aiEvidence, undefined);
  });

  test('keeps what it can of broken JSON and reports it', () => {
    const broken = classic.service.apis.get('broken');
    assert.equal(broken?.information?.path, 'broken');
    assert.equal(broken?.information?.serviceUrl, undefined);
    assert.equal(broken?.information?.subscriptionRequired, false);
    // specification/ holds broken specifications of its own (apiSpecification.test.ts).
    assert.deepEqual(
      model.problems.filter((problem) => !problem.path.startsWith('specification/')).map((problem) => `${problem.kind} ${problem.path}`),
      ['invalid-json classic/artifacts/apis/broken/apiInformation.json'],
    );
  });

  test('links product membership to every revision of an API', () => {
    assert.deepEqual(classic.service.apis.get('orders')?.products, ['gold', 'starter']);
    assert.deepEqual(classic.service.apis.get('orders;rev=2')?.products, ['gold', 'starter']);
    assert.deepEqual(classic.service.apis.get('public-api')?.products, ['gold']);
    assert.deepEqual(classic.service.apis.get('chat-api')?.products, []);
    const starter = classic.service.products.get('starter');
    assert.equal(starter?.displayName, 'Starter');
    assert.equal(starter?.subscriptionRequired, true);
    assert.equal(starter?.state, 'published');
    assert.equal(starter?.policyPath, 'classic/artifacts/products/starter/policy.xml');
    assert.equal(starter?.membershipKnown, true);
    assert.equal(classic.service.membershipKnown, true);
  });

  test('finds operations, fragments, named values and backends', () => {
    const orders = classic.service.apis.get('orders');
    // Methods come from specification.yaml; get-order has no folder, so it runs the API policy.
    assert.deepEqual([...(orders?.operations.keys() ?? [])], ['create-order', 'list-orders', 'get-order']);
    assert.equal(orders?.operations.get('create-order')?.method, 'POST');
    assert.equal(orders?.operations.get('list-orders')?.urlTemplate, '/orders');
    assert.equal(orders?.operations.get('get-order')?.policyPath, undefined);
    assert.deepEqual([...classic.service.fragments.keys()].sort(), ['common', 'cycle-a', 'cycle-b', 'info-only', 'inner', 'validate']);
    assert.equal(classic.service.fragments.get('common')?.policyPath, 'classic/artifacts/policy fragments/common/policy.xml');
    assert.equal(classic.service.fragments.get('info-only')?.policyPath, undefined);
    assert.deepEqual(classic.service.namedValues.get('backend-key'), {
      name: 'backend-key',
      displayName: 'backend-key',
      secret: true,
      keyVault: true,
      value: undefined,
      informationPath: 'classic/artifacts/named values/backend-key/namedValueInformation.json',
    });
    assert.equal(classic.service.namedValues.get('environment')?.value, 'dev');
    assert.equal(classic.service.namedValues.get('plain-secret')?.value, undefined, 'secret values are not kept');
    const backend = classic.service.backends.get('orders-backend');
    assert.equal(backend?.url, 'https://orders.example.com/api');
    assert.equal(backend?.circuitBreakerRuleCount, 1);
    assert.deepEqual(classic.service.backends.get('orders-pool')?.poolMembers, ['orders-backend', 'orders-dr']);
    assert.equal(classic.service.backends.get('orders-pool')?.circuitBreakerRuleCount, 0);
  });

  test('gives every policy file its scope, loose files included', () => {
    const scopes = (path: string): string => JSON.stringify(model.policyFiles.get(path));
    assert.equal(scopes('classic/artifacts/policy.xml'), JSON.stringify({ kind: 'global', root: 'classic/artifacts' }));
    assert.deepEqual(model.policyFiles.get('classic/artifacts/products/gold/policy.xml'), {
      kind: 'product',
      root: 'classic/artifacts',
      workspace: undefined,
      product: 'gold',
    });
    assert.deepEqual(model.policyFiles.get('classic/artifacts/apis/orders/operations/create-order/policy.xml'), {
      kind: 'operation',
      root: 'classic/artifacts',
      workspace: undefined,
      api: 'orders',
      operation: 'create-order',
    });
    assert.deepEqual(model.policyFiles.get('classic/artifacts/policy fragments/inner/policy.xml'), {
      kind: 'fragment',
      root: 'classic/artifacts',
      workspace: undefined,
      fragment: 'inner',
    });
    assert.deepEqual(model.policyFiles.get('classic/loose/standalone.xml'), { kind: 'unknown', root: undefined });
    assert.equal(model.policyFiles.has('classic/loose/pom.xml'), false);
    const kinds = new Map<string, number>();
    for (const [path, scope] of model.policyFiles) {
      if (!path.startsWith('specification/')) kinds.set(scope.kind, (kinds.get(scope.kind) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries([...kinds].sort()), {
      api: 4,
      fragment: 7,
      global: 2,
      operation: 3,
      product: 4,
      unknown: 1,
      workspace: 1,
    });
  });
});

describe('discoverServiceModel on the apiops-cli fixture tree', () => {
  const cli = root(model, 'cli/apim-artifacts');

  test('recognises the camelCase flavour and apis.json membership', () => {
    assert.equal(cli.flavour, 'cli');
    assert.deepEqual(cli.service.apis.get('echo')?.products, ['starter']);
    assert.deepEqual(cli.service.apis.get('unlisted')?.products, []);
    assert.deepEqual(cli.service.products.get('starter')?.apiNames, ['echo']);
    assert.equal(cli.service.fragments.get('shared')?.policyPath, 'cli/apim-artifacts/policyFragments/shared/policy.xml');
    assert.equal(cli.service.namedValues.get('api-key')?.secret, true);
    assert.equal(cli.service.namedValues.get('api-key')?.keyVault, false);
  });

  test('reads operation information', () => {
    const operations = cli.service.apis.get('echo')?.operations;
    assert.deepEqual(operations?.get('get-echo'), {
      name: 'get-echo',
      policyPath: 'cli/apim-artifacts/apis/echo/operations/get-echo/policy.xml',
      informationPath: 'cli/apim-artifacts/apis/echo/operations/get-echo/operationInformation.json',
      method: 'GET',
      urlTemplate: '/echo/{id}',
    });
    assert.equal(operations?.get('post-echo')?.method, 'POST');
    assert.equal(operations?.get('post-echo')?.policyPath, undefined);
  });

  test('builds workspace trees under the same root', () => {
    assert.deepEqual([...cli.workspaces.keys()], ['team-a']);
    const teamA = cli.workspaces.get('team-a');
    assert.equal(teamA?.folderPath, 'cli/apim-artifacts/workspaces/team-a');
    assert.equal(teamA?.policyPath, 'cli/apim-artifacts/workspaces/team-a/policy.xml');
    assert.deepEqual(teamA?.apis.get('ws-api')?.products, ['ws-product']);
    assert.deepEqual([...(teamA?.fragments.keys() ?? [])], ['ws-fragment']);
    assert.equal(teamA?.backends.get('ws-backend')?.url, 'https://team-a.example.com');
    assert.equal(cli.service.apis.has('ws-api'), false);
    assert.deepEqual(model.policyFiles.get('cli/apim-artifacts/workspaces/team-a/apis/ws-api/policy.xml'), {
      kind: 'api',
      root: 'cli/apim-artifacts',
      workspace: 'team-a',
      api: 'ws-api',
    });
    assert.deepEqual(model.policyFiles.get('cli/apim-artifacts/workspaces/team-a/policy.xml'), {
      kind: 'workspace',
      root: 'cli/apim-artifacts',
      workspace: 'team-a',
    });
  });
});

describe('discoverServiceModel root detection', () => {
  test('a tree at the top of the file list has the root ""', () => {
    const files = memoryWorkspace({
      'policy.xml': '<policies />',
      'apis/a/apiInformation.json': '{"properties":{"subscriptionRequired":true}}',
      'named values/n/namedValueInformation.json': '{"properties":{"secret":false,"value":"x"}}',
      'namedValues/m/namedValueInformation.json': '{"properties":{"secret":false}}',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    assert.deepEqual(
      found.roots.map((candidate) => [candidate.path, candidate.flavour]),
      [['', 'mixed']],
    );
    assert.equal(found.roots[0].globalPolicyPath, 'policy.xml');
  });

  test('source folders named like collections do not make roots', () => {
    const files = memoryWorkspace({
      'src/apis/client.ts': 'export {}',
      'src/products/list.json': '[]',
      'docs/apis/readme/policy.md': '',
      'pom.xml': '<project/>',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    assert.deepEqual(found.roots, []);
    assert.equal(found.policyFiles.size, 0);
  });

  test('a membership folder inside products does not become a nested root', () => {
    const files = memoryWorkspace({
      'a/products/p/apis/x/productApiInformation.json': '{}',
      'a/products/p/apis/x/policy.xml': '<policies />',
      'a/apis/x/apiInformation.json': '{}',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    assert.deepEqual(
      found.roots.map((candidate) => candidate.path),
      ['a'],
    );
    assert.deepEqual(found.roots[0].service.apis.get('x')?.products, ['p']);
    assert.deepEqual(found.policyFiles.get('a/products/p/apis/x/policy.xml'), { kind: 'unknown', root: 'a' });
  });

  test('accepts Windows separators and leading ./', () => {
    const files = memoryWorkspace({
      'out\\apis\\x\\apiInformation.json': '{"properties":{"path":"x"}}',
    });
    const found = discoverServiceModel(['.\\out\\apis\\x\\apiInformation.json'], (path) => files.readText(path.replace(/\//g, '\\')));
    assert.equal(found.roots[0].path, 'out');
    assert.equal(found.roots[0].service.apis.get('x')?.information?.path, 'x');
  });

  test('reports unreadable information files instead of throwing', () => {
    const found = discoverServiceModel(['r/apis/x/apiInformation.json'], () => undefined);
    assert.deepEqual(found.problems, [{ kind: 'unreadable-file', path: 'r/apis/x/apiInformation.json', message: 'The file could not be read.' }]);
    assert.equal(found.roots[0].service.apis.get('x')?.information?.subscriptionRequired, undefined);
  });
});
