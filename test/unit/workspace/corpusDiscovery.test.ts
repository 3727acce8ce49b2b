import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CORPUS_SKIP } from '../../support/corpus';
import { CORPUS_ROOT } from '../../support/paths';
import { attribute } from '../../../server/src/engine/policy/syntaxTree';
import { effectivePoliciesForPolicyFile } from '../../../server/src/engine/workspace/effectivePolicy';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import { scopeChainsForApi } from '../../../server/src/engine/workspace/scopeChain';
import type { ArtifactRoot, ServiceModel } from '../../../server/src/engine/workspace/serviceModel';
import { folderWorkspace, type TestWorkspace } from './workspaceFiles';

// Facts below were checked by hand against the corpus folders (see ../shared/corpus/MANIFEST.tsv).

function discover(repository: string): { workspace: TestWorkspace; model: ServiceModel } {
  const workspace = folderWorkspace(join(CORPUS_ROOT, repository));
  return { workspace, model: discoverServiceModel(workspace.paths, workspace.readText) };
}

function rootOf(model: ServiceModel, path: string): ArtifactRoot {
  const root = model.roots.find((candidate) => candidate.path === path);
  assert.ok(root, `root ${path} not found`);
  return root;
}

function policyFileCounts(model: ServiceModel): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const scope of model.policyFiles.values()) counts[scope.kind] = (counts[scope.kind] ?? 0) + 1;
  return counts;
}

/** Every chain of every policy file computes without throwing; returns how many chains there were. */
function computeAll(model: ServiceModel, workspace: TestWorkspace): number {
  let chains = 0;
  for (const path of model.policyFiles.keys()) chains += effectivePoliciesForPolicyFile(model, path, workspace.documentFor).length;
  return chains;
}

describe('discovery over the APIOps trees of the corpus', { skip: CORPUS_SKIP }, () => {
  test('Azure/apiops SampleArtifacts (classic)', () => {
    const { workspace, model } = discover('Azure__apiops');
    assert.deepEqual(
      model.roots.map((root) => root.path),
      ['SampleArtifacts'],
    );
    const root = rootOf(model, 'SampleArtifacts');
    assert.equal(root.flavour, 'classic');
    assert.equal(root.globalPolicyPath, 'SampleArtifacts/policy.xml');
    assert.deepEqual([...root.service.apis.keys()].sort(), ['basic-api', 'revisioned-api;rev=2', 'soap-api', 'versioned-api-v1', 'versioned-api-v2']);
    assert.deepEqual(root.service.products.get('product1')?.apiNames, ['basic-api', 'revisioned-api', 'versioned-api-v1']);
    assert.deepEqual(root.service.apis.get('revisioned-api;rev=2')?.products, ['product1']);
    assert.equal(root.service.apis.get('revisioned-api;rev=2')?.revision, '2');
    assert.equal(root.service.namedValues.get('environment-name')?.value, 'scenario');
    assert.deepEqual(policyFileCounts(model), { api: 2, fragment: 1, global: 1, operation: 3, product: 2 });

    assert.deepEqual(
      scopeChainsForApi(model, 'SampleArtifacts', undefined, 'soap-api', undefined).map((chain) => `${chain.name} [${chain.reason}]`),
      ['via product product2 [product]', 'without a product [subscription-not-required]'],
    );
    // get-items has no <base />, so the global inbound (and its missing fragment policyFragment1) never runs.
    const [getItems] = effectivePoliciesForPolicyFile(model, 'SampleArtifacts/apis/basic-api/operations/get-items/policy.xml', workspace.documentFor);
    assert.deepEqual(
      getItems.sections.inbound.statements.map((statement) => statement.name),
      ['set-query-parameter', 'set-variable'],
    );
    assert.deepEqual(
      getItems.sections.inbound.contributions.map((contribution) => contribution.state),
      ['base-missing', 'base-missing', 'base-missing', 'base-missing'],
    );
    assert.deepEqual(
      getItems.problems.map((problem) => [problem.kind, problem.fragmentId, problem.documentPath]),
      [['fragment-missing', 'policyFragment1', 'SampleArtifacts/policy.xml']],
    );
    // One chain each: 2 API + 3 operation policies (product1 only), 2 products, global; fragments have none.
    assert.equal(computeAll(model, workspace), 8);
  });

  test('RobertoBorges/apiops: two roots, broken JSON, apis.json membership', () => {
    const { workspace, model } = discover('RobertoBorges__apiops');
    assert.deepEqual(
      model.roots.map((root) => [root.path, root.flavour]),
      [
        ['SampleArtifacts', 'mixed'],
        ['apimartifacts', 'mixed'],
      ],
    );
    assert.deepEqual(
      model.problems.map((problem) => [problem.kind, problem.path]),
      [
        ['invalid-json', 'SampleArtifacts/apis/helloworldfromlogicapp/apiInformation.json'],
        ['invalid-json', 'SampleArtifacts/apis/myversionedapi-v2/apiInformation.json'],
      ],
    );
    const sample = rootOf(model, 'SampleArtifacts');
    const logicApp = sample.service.apis.get('helloworldfromlogicapp')?.information;
    assert.equal(logicApp?.subscriptionRequired, true);
    assert.equal(logicApp?.serviceUrl, undefined);
    assert.equal(sample.service.apis.get('spacex')?.information?.type, 'graphql');

    const artifacts = rootOf(model, 'apimartifacts');
    assert.equal(artifacts.service.apis.size, 12);
    assert.deepEqual(artifacts.service.apis.get('eshoponcontainers-catalog')?.products, ['starter', 'unlimited']);
    const sasKey = artifacts.service.namedValues.get('servicebussaskey');
    assert.equal(sasKey?.secret, true);
    assert.equal(sasKey?.keyVault, true);

    // testapi includes the ForwardContext fragment before <base />; no global policy in this root.
    const chains = effectivePoliciesForPolicyFile(model, 'SampleArtifacts/apis/testapi/policy.xml', workspace.documentFor);
    assert.deepEqual(
      chains.map((policy) => `${policy.chain.name} [${policy.chain.reason}]`),
      ['via product unlimited [product]', 'without a product [subscription-unknown]'],
    );
    const [first] = chains[0].sections.inbound.statements;
    assert.equal(first.name, 'set-header');
    assert.equal(attribute(first.element, 'name')?.value, 'x-request-context-data');
    assert.deepEqual(
      first.includedVia.map((inclusion) => inclusion.fragmentId),
      ['ForwardContext'],
    );
    assert.deepEqual(chains[0].problems, []);
    assert.ok(computeAll(model, workspace) > 0);
  });

  test('anotherRedbeard/apimdemo-environment: products, backends, AI APIs, revisions', () => {
    const { workspace, model } = discover('anotherRedbeard__apimdemo-environment');
    const root = rootOf(model, 'apimartifacts');
    assert.equal(root.flavour, 'mixed');
    assert.equal(root.service.apis.size, 14);
    assert.deepEqual(root.service.apis.get('star-wars')?.products, ['gold-tier', 'new-product', 'starter', 'unlimited']);
    assert.equal(root.service.backends.get('eus-aoai-backend')?.circuitBreakerRuleCount, 1);
    assert.equal(root.service.backends.get('embeddings-backend')?.circuitBreakerRuleCount, 0);
    assert.deepEqual(root.service.backends.get('adaembedding-backendpool')?.poolMembers, ['eus-aoai-backend', 'scus-aoai-backend', 'weu-aoai-backend']);
    assert.equal(root.service.apis.get('azureopenai')?.aiEvidence, 'API name azureopenai');
    assert.equal(root.service.apis.get('responses-api')?.aiEvidence, 'service URL https://red-scus-apimdemo-dev.azure-api.net/response-api/openai');
    assert.equal(root.service.apis.get('star-wars')?.aiEvidence, undefined);
    assert.equal(root.service.apis.get('test-v1;rev=2')?.name, 'test-v1');
    assert.deepEqual(policyFileCounts(model), { api: 10, fragment: 6, global: 1, operation: 11 });
    // entraid-validate-jwt-dynamic-scopes-v1 has an information file but its body is not in the corpus.
    const [echo] = effectivePoliciesForPolicyFile(model, 'apimartifacts/apis/echo-api/policy.xml', workspace.documentFor);
    assert.deepEqual(
      echo.problems.map((problem) => [problem.kind, problem.fragmentId]),
      [['fragment-unreadable', 'entraid-validate-jwt-dynamic-scopes-v1']],
    );
    assert.ok(computeAll(model, workspace) > 0);
  });

  test('operation methods come from the specifications, matched by operationId', () => {
    const methods = (repository: string, root: string, api: string): Record<string, string> => {
      const operations = rootOf(discover(repository).model, root).service.apis.get(api)?.operations;
      return Object.fromEntries([...(operations?.values() ?? [])].map((operation) => [operation.name, operation.method ?? '?']));
    };
    // Checked by hand in each specification.yaml: the folder name is the operationId in every corpus tree.
    assert.deepEqual(methods('Azure__apiops', 'SampleArtifacts', 'basic-api'), { 'create-item': 'POST', 'get-items': 'GET' });
    assert.deepEqual(methods('anotherRedbeard__apimdemo-environment', 'apimartifacts', 'echo-api'), {
      'create-resource': 'POST',
      'retrieve-header-only': 'HEAD',
      'retrieve-resource-cached': 'GET',
      // No operation folders: these run the API policy only.
      'modify-resource': 'PUT',
      'remove-resource': 'DELETE',
      'retrieve-resource': 'GET',
    });
    const redbeard = rootOf(discover('anotherRedbeard__apimdemo-environment').model, 'apimartifacts').service.apis;
    // responses-api/specification.yaml is 380 KB, mostly schemas; its one operation is a POST.
    assert.equal(redbeard.get('responses-api')?.operations.get('Create_Response')?.method, 'POST');
    assert.equal(redbeard.get('responses-api')?.operations.get('Create_Response')?.urlTemplate, '/responses');
    // The `test` API has an operation folder but no specification in the corpus: the method stays unknown.
    assert.equal(redbeard.get('test')?.operations.get('get')?.method, undefined);
    const ordering = methods('RobertoBorges__apiops', 'apimartifacts', 'eshoponcontainers-ordering-api');
    assert.equal(ordering.postsvcbus, 'POST');
    assert.equal(ordering.processeditem, 'GET');
    // An operationId YAML could mistake for a number stays a name.
    assert.equal(methods('RobertoBorges__apiops', 'apimartifacts', 'returnname-v1')['647e051433773d557d68cb01'], 'GET');
    for (const repository of ['Azure__apiops', 'anotherRedbeard__apimdemo-environment', 'RobertoBorges__apiops']) {
      const problems = discover(repository).model.problems.filter((problem) => problem.kind.includes('specification'));
      assert.deepEqual(problems, [], repository);
    }
  });

  test('mitulashah/apim-apiops-demo (apiops-cli layout)', () => {
    const { model } = discover('mitulashah__apim-apiops-demo');
    const root = rootOf(model, 'apimartifacts');
    assert.equal(root.flavour, 'cli');
    assert.equal(root.service.apis.size, 7);
    assert.deepEqual(root.service.apis.get('echo-api')?.products, ['unlimited']);
    assert.deepEqual(root.service.apis.get('basic-calculator')?.products, ['starter']);
    const revision = root.service.apis.get('net-new-api;rev=4');
    assert.equal(revision?.revision, '4');
    assert.equal(revision?.information?.isCurrent, undefined);
  });
});
