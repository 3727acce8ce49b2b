import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { errorDetailsExposed } from './error-details-exposed';

describe('error-details-exposed', () => {
  test('reports LastError details in on-error bodies, headers and status reasons, once per value', () => {
    const { findings } = expectFindingsAt(
      errorDetailsExposed,
      `<policies>
  <inbound><base /></inbound>
  <on-error>
    <return-response>
      <set-status code="500" reason="@(⟦context.LastError.Message⟧)" />
      <set-body>@(new JObject(new JProperty("source", ⟦context.LastError.Source⟧), new JProperty("message", context.LastError.Message)).ToString())</set-body>
    </return-response>
    <set-header name="X-Error-Path" exists-action="override"><value>@(⟦context.LastError?.Path⟧)</value></set-header>
    <set-body>@(⟦context.LastError⟧.ToString())</set-body>
  </on-error>
</policies>`,
    );
    assert.equal(
      findings[1].message,
      'This <set-body> returns context.LastError.Source, context.LastError.Message to the caller; log the details and return a generic message instead.',
    );
  });

  test('fragments are checked, since they only see LastError inside on-error', () => {
    expectFindingsAt(errorDetailsExposed, '<fragment><set-body>@(⟦context.LastError.PolicyId⟧)</set-body></fragment>');
  });

  test('silent for the Reason code, conditions, logging and calls to other services, and outside on-error', () => {
    expectNoFindings(
      errorDetailsExposed,
      `<policies>
  <inbound><set-body>@("context.LastError.Message is only set in on-error")</set-body></inbound>
  <on-error>
    <choose>
      <when condition="@(context.LastError.Source == &quot;validate-jwt&quot;)">
        <return-response><set-status code="401" reason="Unauthorized" /><set-body>@(context.LastError.Reason)</set-body></return-response>
      </when>
    </choose>
    <trace source="errors"><message>@(context.LastError.Message)</message></trace>
    <log-to-eventhub logger-id="errors">@(context.LastError.Message)</log-to-eventhub>
    <set-variable name="details" value="@(context.LastError.Message)" />
    <send-one-way-request mode="new"><set-url>https://alerts.contoso.com</set-url><set-body>@(context.LastError.Message)</set-body></send-one-way-request>
    <set-body>@(new JObject(new JProperty("requestId", context.RequestId)).ToString())</set-body>
  </on-error>
</policies>`,
    );
  });
});
