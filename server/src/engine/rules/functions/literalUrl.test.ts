import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isLocalOnlyHost, parseLiteralUrl } from './literalUrl';

describe('parseLiteralUrl', () => {
  test('reads scheme, host and port with offsets into the value', () => {
    assert.deepEqual(parseLiteralUrl('HTTP://user@orders.contoso.com:8080/api?x=1'), {
      scheme: 'http',
      authorityStart: 7,
      host: 'orders.contoso.com',
      hostStart: 12,
      hostEnd: 30,
      port: 8080,
      authorityEnd: 35,
    });
    assert.equal(parseLiteralUrl('https://[::1]/x')?.host, '[::1]');
  });

  test('undefined for paths, other schemes and named values', () => {
    assert.equal(parseLiteralUrl('/orders'), undefined);
    assert.equal(parseLiteralUrl('ftp://files.contoso.com'), undefined);
    assert.equal(parseLiteralUrl('{{orders-url}}/api'), undefined);
  });
});

describe('isLocalOnlyHost', () => {
  test('loopback, Docker host, single-label and cluster names are local; public names and private IPs are not', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'orders', 'orders.default.svc', 'orders.default.svc.cluster.local', 'host.docker.internal'])
      assert.equal(isLocalOnlyHost(host), true, host);
    for (const host of ['orders.contoso.com', '10.0.0.4', 'localhost.contoso.com', 'orders.internal']) assert.equal(isLocalOnlyHost(host), false, host);
  });
});
