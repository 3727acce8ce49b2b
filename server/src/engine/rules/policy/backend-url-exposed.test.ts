import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { backendUrlExposed } from './backend-url-exposed';

describe('backend-url-exposed', () => {
  test('reports the backend URL echoed in outbound, and the fix removes the header', () => {
    const { text, findings } = expectFindingsAt(
      backendUrlExposed,
      `<policies>
  <inbound>
    <base />
    <set-backend-service base-url="https://orders.internal.contoso.net" />
  </inbound>
  <outbound>
    <base />
    <set-header name="X-Served-By" exists-action="override">
      <value>@(⟦context.Request.Url⟧.Host)</value>
    </set-header>
  </outbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      "This response header 'X-Served-By' returns context.Request.Url, the backend's address, to the caller; remove it or return context.Request.OriginalUrl instead.",
    );
    assert.ok(!applyFix(text, findings[0].fixes[0]).includes('X-Served-By'));
  });

  test('reports context.Api.ServiceUrl in on-error and in return-response, and a header named for the backend', () => {
    expectFindingsAt(
      backendUrlExposed,
      `<policies>
  <inbound>
    <return-response>
      <set-header name="Location" exists-action="override"><value>@(⟦context.Api.ServiceUrl⟧.ToString())</value></set-header>
    </return-response>
  </inbound>
  <outbound>
    <set-header name="⟦X-Backend-URL⟧" exists-action="override"><value>{{orders-backend-url}}</value></set-header>
  </outbound>
  <on-error>
    <set-header name="X-Debug" exists-action="override"><value>@("backend " + ⟦context.Api.ServiceUrl⟧)</value></set-header>
  </on-error>
</policies>`,
    );
  });

  test('silent for the original URL, path only, request headers to the backend, send-request and deleted headers', () => {
    expectNoFindings(
      backendUrlExposed,
      `<policies>
  <inbound>
    <set-header name="X-Original-Host" exists-action="override"><value>@(context.Request.Url.Host)</value></set-header>
    <send-request mode="new" response-variable-name="r">
      <set-url>https://audit.contoso.net</set-url>
      <set-header name="X-Backend-Url" exists-action="override"><value>@(context.Request.Url.ToString())</value></set-header>
    </send-request>
  </inbound>
  <outbound>
    <set-header name="X-Request-Url" exists-action="override"><value>@(context.Request.OriginalUrl.ToString())</value></set-header>
    <set-header name="X-Path" exists-action="override"><value>@(context.Request.Url.Path)</value></set-header>
    <set-header name="X-Backend-Host" exists-action="delete" />
  </outbound>
</policies>`,
    );
  });
});
