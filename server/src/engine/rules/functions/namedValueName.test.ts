import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { namedValueName, namedValueReference, secretNamedValueName } from './namedValueName';

describe('namedValueName', () => {
  test('joins context words in kebab case with only allowed characters', () => {
    assert.equal(namedValueName('Ocp-Apim-Subscription-Key'), 'ocp-apim-subscription-key');
    assert.equal(namedValueName('backend-basic', 'password'), 'backend-basic-password');
    assert.equal(namedValueName('partnerApiKey'), 'partner-api-key');
    assert.equal(namedValueName('x_functions key!'), 'x-functions-key');
    assert.equal(namedValueName('***'), 'secret');
    assert.equal(namedValueName('a'.repeat(300)).length, 256);
  });

  test('short secret fields get a descriptive suffix, and references wrap the name', () => {
    assert.equal(secretNamedValueName('sig'), 'sig-secret');
    assert.equal(secretNamedValueName('AccountKey'), 'account-key');
    assert.equal(namedValueReference('orders-url'), '{{orders-url}}');
  });
});
