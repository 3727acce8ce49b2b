import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlaceholderValue } from './placeholderValue';

describe('isPlaceholderValue', () => {
  test('template markers, masks and filler words are placeholders', () => {
    for (const value of [
      '',
      '<subscription-key>',
      '{jwt_signing_key}',
      '${API_KEY}',
      '__API_KEY__',
      'xxxxxxxxxxxx',
      '********',
      'your-api-key',
      'REPLACE_ME',
      'optional-certificate-password-example',
    ]) {
      assert.equal(isPlaceholderValue(value), true, value);
    }
  });

  test('real-looking values are not', () => {
    for (const value of ['S3cr3t!Passw0rd', 'dXNlcjpwYXNzd29yZA==', 'FXTN7garJSJYwQqUzN9lseYQkCy3OW0KoqepaeeLBDE'])
      assert.equal(isPlaceholderValue(value), false, value);
  });
});
