import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { insecureUrl } from './insecure-url';

describe('insecure-url', () => {
  test('reports the http scheme of backend base URLs and outgoing request URLs', () => {
    const { findings } = expectFindingsAt(
      insecureUrl,
      `<policies>
  <inbound>
    <set-backend-service base-url="⟦http://⟧orders.contoso.com/api" />
    <send-request mode="new" response-variable-name="r"><set-url>⟦HTTP://⟧{{audit-host}}/log</set-url></send-request>
    <send-one-way-request mode="new"><set-url> ⟦http://⟧10.0.0.4:8080/hook </set-url></send-one-way-request>
  </inbound>
</policies>`,
    );
    assert.equal(findings[0].message, 'The base-url on <set-backend-service> uses plain http; switch to https so traffic to the backend is encrypted.');
    assert.equal(findings[1].message, 'The <set-url> in <send-request> uses plain http; switch to https so traffic to the backend is encrypted.');
  });

  test('the fix switches to https and drops an explicit port 80', () => {
    const { text, findings } = expectFindingsAt(
      insecureUrl,
      '<policies><inbound><set-backend-service base-url="⟦http://⟧orders.contoso.com:80/api" /></inbound></policies>',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(fixed, '<policies><inbound><set-backend-service base-url="https://orders.contoso.com/api" /></inbound></policies>');
    assert.deepEqual(runRule(insecureUrl, fixed), []);
  });

  test('reports plain WebSocket URLs and switches them to wss', () => {
    const { text, findings } = expectFindingsAt(
      insecureUrl,
      '<policies><inbound><set-backend-service base-url="⟦ws://⟧realtime.contoso.com/socket" /></inbound></policies>',
    );
    assert.equal(findings[0].message, 'The base-url on <set-backend-service> uses plain ws; switch to wss so traffic to the backend is encrypted.');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('base-url="wss://realtime.contoso.com/socket"'));
  });

  test('silent for https, loopback and container-network hosts, named values, expressions and other elements', () => {
    expectNoFindings(
      insecureUrl,
      `<policies>
  <inbound>
    <set-backend-service base-url="https://orders.contoso.com" />
    <set-backend-service base-url="http://localhost:3500/v1.0/invoke/orders" />
    <set-backend-service base-url="http://127.0.0.1:8080" />
    <set-backend-service base-url="http://orders.default.svc.cluster.local" />
    <set-backend-service base-url="http://orders-service:8080" />
    <set-backend-service base-url="{{orders-url}}" />
    <set-backend-service base-url='@("http://" + context.Variables["host"])' />
    <rewrite-uri template="/http://not-a-url" />
    <cors><allowed-origins><origin>http://localhost:8080</origin></allowed-origins><allowed-headers><header>*</header></allowed-headers></cors>
  </inbound>
</policies>`,
    );
  });
});
