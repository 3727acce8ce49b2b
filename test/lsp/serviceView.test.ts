import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceTreeItem, ServiceTreeResult } from '../../server/src/protocol/customRequests';
import { LspTestClient } from '../support/lspClient';
import { REPO_ROOT } from '../support/paths';

// The e2e fixture workspace: an APIOps tree in apiops/, the Bicep service apim-studio-bicep in templates/orders.bicep and
// the Terraform API policy of apim-studio-tf in templates/orders.tf.
const WORKSPACE = join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const BICEP = join(WORKSPACE, 'templates', 'orders.bicep');
const TERRAFORM = join(WORKSPACE, 'templates', 'orders.tf');

function find(nodes: readonly ServiceTreeItem[], label: string): ServiceTreeItem | undefined {
  for (const node of nodes) {
    if (node.label === label) return node;
    const inside = find(node.children ?? [], label);
    if (inside) return inside;
  }
  return undefined;
}

describe('the service view request over stdio', () => {
  let client: LspTestClient;
  let nodes: readonly ServiceTreeItem[] = [];

  before(async () => {
    client = new LspTestClient();
    await client.initialize(WORKSPACE);
    nodes = (await client.request<ServiceTreeResult>('apimStudio/serviceTree', {})).nodes;
  });

  after(async () => {
    await client.shutdown();
  });

  test('lists the Bicep service beside the APIOps one', () => {
    const service = nodes.find((node) => node.label === 'apim-studio-bicep');
    assert.ok(service, nodes.map((node) => node.label).join(', '));
    assert.equal(service.description, 'Bicep templates/orders.bicep');
    assert.deepEqual(
      service.children?.map((group) => `${group.label}: ${group.children?.map((child) => child.label).join(', ')}`),
      ['APIs: orders', 'Products: gold, silver', 'Named values: region', 'Backends: orders-backend'],
    );
    assert.deepEqual(
      find(service.children ?? [], 'orders')?.children?.map((operation) => `${operation.label} ${operation.description}`),
      ['create-order POST'],
    );
  });

  test('an inline policy opens the template at its string, and its effective policy follows the product chains', async () => {
    const api = find(nodes.find((node) => node.label === 'apim-studio-bicep')?.children ?? [], 'orders');
    assert.ok(api?.position, JSON.stringify(api));
    assert.equal(api.file, BICEP);
    const line = readFileSync(BICEP, 'utf8').split('\n')[api.position.line];
    assert.equal(line.slice(api.position.character), "'''");
    assert.equal(api.effectivePolicyUri, `${pathToFileURL(BICEP).href}#L${api.position.line + 1}`);
    const view = await client.request<{ text: string; title?: string; chains?: string[] }>('apimStudio/effectivePolicy', {
      uri: api.effectivePolicyUri,
      chain: 'via product silver',
    });
    assert.equal(view.title, 'Effective policy: orders (via product silver)');
    assert.deepEqual(view.chains, ['via product gold', 'via product silver']);
    assert.match(view.text, /<rate-limit calls="5"[^]*<set-backend-service backend-id="orders-backend"/);
  });

  test('lists the Terraform service; its API opens the template at the xml_content heredoc', () => {
    const service = nodes.find((node) => node.label === 'apim-studio-tf');
    assert.ok(service, nodes.map((node) => node.label).join(', '));
    assert.equal(service.description, 'Terraform templates/orders.tf');
    const api = find(service.children ?? [], 'orders');
    assert.ok(api?.position, JSON.stringify(api));
    assert.equal(api.file, TERRAFORM);
    assert.equal(readFileSync(TERRAFORM, 'utf8').split('\n')[api.position.line].slice(api.position.character), '<<XML');
    assert.equal(api.effectivePolicyUri, `${pathToFileURL(TERRAFORM).href}#L${api.position.line + 1}`);
  });

  test('a line that holds no inline policy is refused with a clear message', async () => {
    await assert.rejects(client.request('apimStudio/effectivePolicy', { uri: `${pathToFileURL(BICEP).href}#L3` }), /no policy written at L3/);
  });
});
