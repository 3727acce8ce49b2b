import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aiApiEvidence } from '../../../server/src/engine/workspace/aiApiEvidence';
import type { ApiInformation } from '../../../server/src/engine/workspace/serviceModel';

function information(serviceUrl: string | undefined, path: string | undefined = undefined): ApiInformation {
  return {
    displayName: undefined,
    path,
    subscriptionRequired: true,
    protocols: ['https'],
    serviceUrl,
    type: 'http',
    isCurrent: true,
    apiRevision: '1',
    apiVersion: undefined,
  };
}

test('aiApiEvidence names the clearest signal and ignores ordinary APIs', () => {
  assert.equal(aiApiEvidence('chat', information('https://contoso.openai.azure.com/openai')), 'service URL host contoso.openai.azure.com');
  assert.equal(aiApiEvidence('models', information('https://hub.services.ai.azure.com/models')), 'service URL host hub.services.ai.azure.com');
  assert.equal(aiApiEvidence('proxy', information('https://gw.example.com/llm/v1')), 'service URL https://gw.example.com/llm/v1');
  assert.equal(aiApiEvidence('azureopenai', undefined), 'API name azureopenai');
  assert.equal(aiApiEvidence('x', information(undefined, 'gpt-4o/chat')), 'API path gpt-4o/chat');
  assert.equal(aiApiEvidence('text-translation', information('https://t.cognitiveservices.azure.com/')), undefined);
  assert.equal(aiApiEvidence('colors-api', information('https://colors.example.com/', 'colors')), undefined);
  assert.equal(aiApiEvidence('egpt-ish', information('https://x.example.com/')), undefined);
});
