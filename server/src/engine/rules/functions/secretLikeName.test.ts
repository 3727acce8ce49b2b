import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretLikeName } from './secretLikeName';

describe('isSecretLikeName', () => {
  test('names that carry credentials', () => {
    for (const name of ['Ocp-Apim-Subscription-Key', 'x-functions-key', 'api_key', 'apiKey', 'clientSecret', 'sig', 'code', 'X-Access-Token', 'password']) {
      assert.equal(isSecretLikeName(name), true, name);
    }
  });

  test('names that only look like it', () => {
    for (const name of ['cache-key', 'Idempotency-Key', 'token-url', 'keyId', 'x-error-code', 'status-code', 'total-tokens', 'Content-Type', '']) {
      assert.equal(isSecretLikeName(name), false, name);
    }
  });
});
