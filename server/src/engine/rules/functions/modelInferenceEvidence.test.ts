import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { looksLikeModelInference } from './modelInferenceEvidence';

const looks = (text: string): boolean => looksLikeModelInference(parsePolicy(text).document);

describe('looksLikeModelInference', () => {
  test('AI policies, model endpoints, their paths and LLM fragments are evidence', () => {
    assert.equal(looks('<policies><inbound><llm-emit-token-metric><dimension name="API ID" /></llm-emit-token-metric></inbound></policies>'), true);
    assert.equal(looks('<policies><inbound><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound></policies>'), true);
    assert.equal(looks('<policies><inbound><rewrite-uri template="/openai/deployments/gpt/chat/completions" /></inbound></policies>'), true);
    assert.equal(looks('<policies><inbound><include-fragment fragment-id="set-llm-usage" /></inbound></policies>'), true);
  });

  test('an ordinary API is not', () => {
    assert.equal(
      looks('<policies><inbound><set-backend-service backend-id="orders" /><include-fragment fragment-id="fullmodel-check" /></inbound></policies>'),
      false,
    );
  });
});
