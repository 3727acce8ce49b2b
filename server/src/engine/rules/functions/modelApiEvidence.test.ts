import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { effectivePoliciesForPolicyFile } from '../../workspace/effectivePolicy';
import { modelApiEvidence } from './modelApiEvidence';

/** The evidence for the API policy at `apis/chat/policy.xml` of a workspace made of `files`. */
function evidenceFor(files: Record<string, string>): string | undefined {
  const { workspace } = new MemoryWorkspace(files);
  const path = 'apis/chat/policy.xml';
  const policies = effectivePoliciesForPolicyFile(workspace.model, path, (candidate) => workspace.documentFor(candidate));
  const api = workspace.treesOf(path)[0]?.apis.get('chat');
  return modelApiEvidence({ api, policies, trees: workspace.treesOf(path) });
}

const INFO = (serviceUrl: string): string => JSON.stringify({ properties: { displayName: 'Support', path: 'support', serviceUrl } });

describe('modelApiEvidence', () => {
  test("the workspace's own evidence for the API comes first", () => {
    assert.equal(
      evidenceFor({
        'apis/chat/apiInformation.json': INFO('https://contoso.openai.azure.com/openai'),
        'apis/chat/policy.xml': '<policies><inbound /></policies>',
      }),
      'service URL host contoso.openai.azure.com',
    );
  });

  test('an llm-/azure-openai- policy anywhere on a chain, including a parent scope', () => {
    assert.equal(
      evidenceFor({
        'policy.xml': '<policies><inbound><llm-emit-token-metric><dimension name="API ID" /></llm-emit-token-metric></inbound></policies>',
        'apis/chat/apiInformation.json': INFO('https://support.contoso.com'),
        'apis/chat/policy.xml': '<policies><inbound><base /></inbound></policies>',
      }),
      'policy llm-emit-token-metric',
    );
  });

  test('a literal backend URL, or a backend entity or pool member whose URL is a model endpoint', () => {
    const api = { 'apis/chat/apiInformation.json': INFO('https://support.contoso.com') };
    assert.equal(
      evidenceFor({
        ...api,
        'apis/chat/policy.xml': '<policies><inbound><set-backend-service base-url="https://x.openai.azure.com/openai" /></inbound></policies>',
      }),
      'backend URL https://x.openai.azure.com/openai',
    );
    assert.equal(
      evidenceFor({
        ...api,
        'backends/pool/backendInformation.json': JSON.stringify({ properties: { type: 'Pool', pool: { services: [{ id: '/backends/east' }] } } }),
        'backends/east/backendInformation.json': JSON.stringify({ properties: { url: 'https://east.openai.azure.com/openai' } }),
        'apis/chat/policy.xml':
          '<policies><inbound><choose><when condition="@(true)"><set-backend-service backend-id="pool" /></when></choose></inbound></policies>',
      }),
      'backend pool',
    );
  });

  test('ordinary APIs, expressions, named values and the shared Cognitive Services audience give no evidence', () => {
    const api = { 'apis/chat/apiInformation.json': INFO('https://support.contoso.com') };
    assert.equal(
      evidenceFor({ ...api, 'apis/chat/policy.xml': '<policies><inbound><set-backend-service base-url="https://orders.contoso.com" /></inbound></policies>' }),
      undefined,
    );
    assert.equal(
      evidenceFor({ ...api, 'apis/chat/policy.xml': '<policies><inbound><set-backend-service base-url="{{openai-url}}" /></inbound></policies>' }),
      undefined,
    );
    assert.equal(
      evidenceFor({
        ...api,
        'apis/chat/policy.xml': '<policies><inbound><set-backend-service base-url="@(&quot;https://x.openai.azure.com&quot;)" /></inbound></policies>',
      }),
      undefined,
    );
    assert.equal(
      evidenceFor({
        ...api,
        'apis/chat/policy.xml': '<policies><inbound><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound></policies>',
      }),
      undefined,
    );
  });
});
