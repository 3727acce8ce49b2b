import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import { scopeChainsForPolicyFile } from '../../../server/src/engine/workspace/scopeChain';
import { memoryWorkspace } from './workspaceFiles';

const API_COUNT = 1000;
const OPERATIONS_PER_API = 3;
const PRODUCT_COUNT = 10;

/** A tree with 1,000 APIs in both membership styles: half the products list APIs in apis.json, half in folders. */
function largeTree(): Record<string, string> {
  const files: Record<string, string> = { 'big/policy.xml': '<policies />' };
  const names: string[] = [];
  for (let api = 0; api < API_COUNT; api++) {
    const name = `api-${api}`;
    names.push(name);
    // Odd APIs do not require a subscription.
    files[`big/apis/${name}/apiInformation.json`] = `{"properties":{"path":"${name}","subscriptionRequired":${api % 2 === 0}}}`;
    files[`big/apis/${name}/policy.xml`] = '<policies />';
    for (let operation = 0; operation < OPERATIONS_PER_API; operation++) {
      files[`big/apis/${name}/operations/op-${operation}/policy.xml`] = '<policies />';
    }
  }
  for (let product = 0; product < PRODUCT_COUNT; product++) {
    if (product % 2 === 0) {
      files[`big/products/p${product}/apis.json`] = JSON.stringify(names.map((name) => ({ name })));
    } else {
      for (const name of names) files[`big/products/p${product}/apis/${name}/productApiInformation.json`] = '{}';
    }
  }
  return files;
}

test('discovery over 1,000 APIs reads each information file once and links every membership', () => {
  const files = largeTree();
  const workspace = memoryWorkspace(files);
  const model = discoverServiceModel(workspace.paths, workspace.readText);
  const [root] = model.roots;
  assert.equal(root.service.apis.size, API_COUNT);
  assert.equal(model.policyFiles.size, 1 + API_COUNT * (1 + OPERATIONS_PER_API));
  assert.deepEqual(root.service.apis.get('api-999')?.products, ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);

  // Membership folders are known from their paths alone; only apiInformation.json and apis.json are read, once each.
  const expectedReads = API_COUNT + PRODUCT_COUNT / 2;
  assert.equal(workspace.reads.size, expectedReads);
  assert.ok([...workspace.reads.values()].every((count) => count === 1));

  // An API that does not require a subscription also gets the product-less chain.
  assert.equal(scopeChainsForPolicyFile(model, 'big/apis/api-0/operations/op-0/policy.xml').length, PRODUCT_COUNT);
  assert.equal(scopeChainsForPolicyFile(model, 'big/apis/api-1/operations/op-0/policy.xml').length, PRODUCT_COUNT + 1);
});
