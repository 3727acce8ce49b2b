import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import { scopeChainsForApi, scopeChainsForPolicyFile, type ScopeChain } from '../../../server/src/engine/workspace/scopeChain';
import { folderWorkspace, memoryWorkspace } from './workspaceFiles';

const workspace = folderWorkspace(join(FIXTURES, 'workspace'));
const model = discoverServiceModel(workspace.paths, workspace.readText);

/** `name [reason]: label (file or -) > ...` per chain. */
function describeChains(chains: readonly ScopeChain[]): string[] {
  return chains.map(
    (chain) =>
      `${chain.name} [${chain.reason}]: ${chain.levels.map((level) => `${level.label} (${level.policyPath === undefined ? '-' : 'file'})`).join(' > ')}`,
  );
}

describe('scopeChainsForPolicyFile', () => {
  test('an operation in two products has one chain per product', () => {
    const chains = scopeChainsForPolicyFile(model, 'classic/artifacts/apis/orders/operations/create-order/policy.xml');
    assert.deepEqual(describeChains(chains), [
      'via product gold [product]: global (file) > product gold (file) > API orders (file) > operation create-order (file)',
      'via product starter [product]: global (file) > product starter (file) > API orders (file) > operation create-order (file)',
    ]);
    assert.equal(chains[0].product, 'gold');
    assert.equal(chains[0].root, 'classic/artifacts');
    assert.equal(chains[0].workspace, undefined);
    assert.equal(chains[0].levels[1].policyPath, 'classic/artifacts/products/gold/policy.xml');
  });

  test('an API without a subscription also runs without any product', () => {
    const chains = scopeChainsForApi(model, 'classic/artifacts', undefined, 'public-api', undefined);
    assert.deepEqual(describeChains(chains), [
      'via product gold [product]: global (file) > product gold (file) > API public-api (-)',
      'without a product [subscription-not-required]: global (file) > API public-api (-)',
    ]);
  });

  test('an API in no product gets the chain without a product', () => {
    assert.deepEqual(describeChains(scopeChainsForApi(model, 'classic/artifacts', undefined, 'chat-api', undefined)), [
      'without a product [no-product]: global (file) > API chat-api (-)',
    ]);
  });

  test('a revision follows the products of its API', () => {
    const chains = scopeChainsForPolicyFile(model, 'classic/artifacts/apis/orders;rev=2/policy.xml');
    assert.deepEqual(
      chains.map((chain) => chain.name),
      ['via product gold', 'via product starter'],
    );
    assert.equal(chains[0].levels[2].label, 'API orders;rev=2');
    assert.equal(chains[0].levels[2].policyPath, 'classic/artifacts/apis/orders;rev=2/policy.xml');
  });

  test('a workspace API passes through the workspace and its products', () => {
    const chains = scopeChainsForPolicyFile(model, 'cli/apim-artifacts/workspaces/team-a/apis/ws-api/policy.xml');
    assert.deepEqual(describeChains(chains), [
      'via product ws-product [product]: global (file) > workspace team-a (file) > product ws-product (file) > API ws-api (file)',
    ]);
    assert.equal(chains[0].workspace, 'team-a');
    assert.equal(chains[0].levels[1].policyPath, 'cli/apim-artifacts/workspaces/team-a/policy.xml');
  });

  test('product, workspace and global policies have one short chain', () => {
    assert.deepEqual(describeChains(scopeChainsForPolicyFile(model, 'classic/artifacts/products/starter/policy.xml')), [
      'product starter [product]: global (file) > product starter (file)',
    ]);
    assert.deepEqual(describeChains(scopeChainsForPolicyFile(model, 'cli/apim-artifacts/workspaces/team-a/policy.xml')), [
      'workspace team-a [no-product]: global (file) > workspace team-a (file)',
    ]);
    assert.deepEqual(describeChains(scopeChainsForPolicyFile(model, 'classic/artifacts/policy.xml')), ['global [no-product]: global (file)']);
  });

  test('loose files stand alone; fragments and unknown paths have no chain', () => {
    assert.deepEqual(describeChains(scopeChainsForPolicyFile(model, 'classic/loose/standalone.xml')), ['standalone [standalone]: this document (file)']);
    assert.deepEqual(scopeChainsForPolicyFile(model, 'classic/artifacts/policy fragments/inner/policy.xml'), []);
    assert.deepEqual(scopeChainsForPolicyFile(model, 'not/a/file.xml'), []);
  });

  test('without membership data or subscription information the product-less path stays possible', () => {
    const files = memoryWorkspace({
      'r/apis/a/policy.xml': '<policies />',
      'r/apis/b/apiInformation.json': '{"properties":{"path":"b"}}',
      'r/products/p/apis.json': '[{"name":"b"}]',
      'q/apis/c/policy.xml': '<policies />',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    assert.deepEqual(describeChains(scopeChainsForApi(found, 'r', undefined, 'a', undefined)), ['without a product [no-product]: global (-) > API a (file)']);
    assert.deepEqual(describeChains(scopeChainsForApi(found, 'r', undefined, 'b', undefined)), [
      'via product p [product]: global (-) > product p (-) > API b (-)',
      'without a product [subscription-unknown]: global (-) > API b (-)',
    ]);
    assert.deepEqual(describeChains(scopeChainsForApi(found, 'q', undefined, 'c', undefined)), [
      'without a product [membership-unknown]: global (-) > API c (file)',
    ]);
  });
});
