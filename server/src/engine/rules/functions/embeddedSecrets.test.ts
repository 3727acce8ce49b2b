import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findEmbeddedSecrets } from './embeddedSecrets';

function found(raw: string): { text: string; field: string; label: string }[] {
  return findEmbeddedSecrets(raw).map((secret) => ({ text: raw.slice(secret.start, secret.end), field: secret.field, label: secret.label }));
}

describe('findEmbeddedSecrets', () => {
  test('finds JWTs, connection string keys, URL and form credentials and JSON credential properties', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    assert.deepEqual(found(`Bearer ${jwt}`), [{ text: jwt, field: 'jwt', label: 'a JSON web token' }]);
    assert.deepEqual(found('Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0a2V5Zm9yc2VydmljZWJ1czQy='), [
      { text: 'c2VjcmV0a2V5Zm9yc2VydmljZWJ1czQy=', field: 'SharedAccessKey', label: 'a connection string SharedAccessKey' },
    ]);
    assert.deepEqual(found('Server=db;User Id=app;Password=Pa55word;'), [{ text: 'Pa55word', field: 'Password', label: 'a connection string Password' }]);
    assert.deepEqual(found('/run?sv=1.0&amp;sig=FXTN7garJSJYwQqUzN9lseYQkCy3OW0KoqepaeeLBDE'), [
      { text: 'FXTN7garJSJYwQqUzN9lseYQkCy3OW0KoqepaeeLBDE', field: 'sig', label: "a 'sig=' credential" },
    ]);
    assert.deepEqual(found('client_id=a&client_secret=Zx8~Qp2.Lm5Rt7Vw'), [
      { text: 'Zx8~Qp2.Lm5Rt7Vw', field: 'client_secret', label: "a 'client_secret=' credential" },
    ]);
    assert.deepEqual(found('{\\"apiKey\\": \\"k9Xw2Lq8Zt5Rv1Nb\\"}'), [{ text: 'k9Xw2Lq8Zt5Rv1Nb', field: 'apiKey', label: 'a "apiKey" value' }]);
  });

  test('ignores short, low-entropy and placeholder values, code comparisons and named values blanked out', () => {
    assert.deepEqual(found('?code=12345&key=abc&sig=aaaaaaaaaaaaaaaaaaaaaaaaaa'), []);
    assert.deepEqual(found('Password==null || x.Password == ""'), []);
    assert.deepEqual(found('?sig=<signature>&code={function-key}'), []);
    assert.deepEqual(found('?sig=                 '), []);
    assert.deepEqual(found('eyJhbGciOiJIUzI1NiJ9 is a header only'), []);
  });
});
