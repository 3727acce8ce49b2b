import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { backendByUrl } from './backend-by-url';

describe('backend-by-url', () => {
  test('reports literal and named-value base URLs on the attribute, without a fix', () => {
    const { findings } = expectFindingsAt(
      backendByUrl,
      `<policies><inbound>
  <base />
  <set-backend-service ⟦base-url="https://orders.example.com/api"⟧ />
  <choose><when condition="@(true)"><set-backend-service ⟦base-url='{{orders-url}}'⟧ /></when></choose>
</inbound></policies>`,
    );
    assert.equal(
      findings[0].message,
      'set-backend-service sends requests to "https://orders.example.com/api" directly, bypassing backend entities (circuit breaker, pool, TLS settings); define a backend with this URL and use backend-id instead.',
    );
    assert.deepEqual(findings[0].fixes, []);
  });

  test('silent for backend-id, computed URLs and empty values', () => {
    expectNoFindings(
      backendByUrl,
      `<policies><inbound>
  <set-backend-service backend-id="orders" />
  <set-backend-service base-url="@((string)context.Variables[&quot;target&quot;])" />
  <set-backend-service base-url="" />
  <send-request response-variable-name="r"><set-url>https://orders.example.com</set-url><set-method>GET</set-method></send-request>
</inbound></policies>`,
    );
  });
});
