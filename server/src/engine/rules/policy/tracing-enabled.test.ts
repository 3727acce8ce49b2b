import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { tracingEnabled } from './tracing-enabled';

describe('tracing-enabled', () => {
  test('reports traces whose message or metadata carry a body, credential headers, a token or the query string', () => {
    const { findings } = expectFindingsAt(
      tracingEnabled,
      `<policies>
  <inbound>
    <base />
    <⟦trace⟧ source="orders" severity="verbose">
      <message>@(context.Request.Headers.GetValueOrDefault("Authorization", ""))</message>
    </trace>
    <⟦trace⟧ source="orders"><message>m</message><metadata name="body" value="@(context.Request.Body.As&lt;string&gt;(preserveContent: true))" /></trace>
    <⟦trace⟧ source="orders">@(string.Join(";", context.Request.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))))</trace>
  </inbound>
  <outbound>
    <⟦trace⟧ source="oauth"><message>@("Token response: " + context.Response.Body.As&lt;JObject&gt;()["access_token"])</message></trace>
    <⟦trace⟧ source="q"><message>@(context.Request.OriginalUrl.ToString())</message></trace>
  </outbound>
  <on-error>
    <choose><when condition="@(true)"><⟦trace⟧ source="x"><message>@(context.Subscription.Key)</message></trace></when></choose>
  </on-error>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      "This trace writes a credential header to Application Insights and resource logs on every call that reaches the diagnostic's verbosity; trace identifiers and outcomes instead.",
    );
    assert.match(findings[1].message, /writes a message body to/);
    assert.match(findings[2].message, /writes every request header to/);
    assert.match(findings[3].message, /writes a message body, a token to/);
    assert.match(findings[4].message, /the query string/);
    assert.match(findings[5].message, /the subscription key/);
  });

  test('silent for traces of identifiers, outcomes and harmless headers: that is what traces are for', () => {
    expectNoFindings(
      tracingEnabled,
      `<policies><inbound>
  <trace source="cors" severity="information">
    <message>CORS origin rejected.</message>
    <metadata name="apiId" value="@(context.Api.Id)" />
    <metadata name="origin" value="@(context.Request.Headers.GetValueOrDefault(&quot;Origin&quot;, &quot;&quot;))" />
  </trace>
  <trace source="OnError">On Error</trace>
  <trace source="attempt"><message>@("attempt=" + context.Variables["attempt"] + " url=" + context.Request.Url.Path)</message></trace>
</inbound></policies>`,
    );
  });

  test('the fix removes the whole trace element and its line', () => {
    const { text, findings } = expectFindingsAt(
      tracingEnabled,
      '<policies>\n  <inbound>\n    <base />\n    <⟦trace⟧ source="a">\n      <message>@(context.Request.Body.As&lt;string&gt;())</message>\n    </trace>\n  </inbound>\n</policies>',
    );
    assert.equal(applyFix(text, findings[0].fixes[0]), '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>');
  });

  test('silent outside production', () => {
    expectNoFindings(
      tracingEnabled,
      '<policies><inbound><trace source="a"><message>@(context.Request.Body.As&lt;string&gt;())</message></trace></inbound></policies>',
      {
        environment: 'nonproduction',
      },
    );
  });
});
