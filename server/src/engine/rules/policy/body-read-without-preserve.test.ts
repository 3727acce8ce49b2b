import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { bodyReadWithoutPreserve } from './body-read-without-preserve';

describe('body-read-without-preserve', () => {
  test('reports request reads in inbound and response reads in outbound, on the call', () => {
    const { findings } = expectFindingsAt(
      bodyReadWithoutPreserve,
      `<policies>
  <inbound>
    <base />
    <set-variable name="id" value="@((string)context.Request.Body.⟦As&lt;JObject&gt;()⟧[&quot;id&quot;])" />
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <log-to-eventhub logger-id="audit">@(context.Response.Body.⟦As<string>(preserveContent: false)⟧)</log-to-eventhub>
  </outbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      'This reads the request body without preserveContent: true, so the backend gets an empty body; pass preserveContent: true.',
    );
    assert.equal(
      findings[1].message,
      'This reads the response body without preserveContent: true, so the caller gets an empty body; pass preserveContent: true.',
    );
  });

  test('the preferred fix passes preserveContent: true and the finding goes away', () => {
    const { text, findings } = expectFindingsAt(
      bodyReadWithoutPreserve,
      '<policies><inbound><set-variable name="b" value="@(context.Request.Body.⟦AsFormUrlEncodedContent()⟧[&quot;code&quot;].Single())" /></inbound></policies>',
    );
    const fix = findings[0].fixes[0];
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(text, fix);
    assert.equal(
      fixed,
      '<policies><inbound><set-variable name="b" value="@(context.Request.Body.AsFormUrlEncodedContent(preserveContent: true)[&quot;code&quot;].Single())" /></inbound></policies>',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(bodyReadWithoutPreserve, fixed), []);
  });

  test('in a fragment the section is unknown: the read is reported', () => {
    expectFindingsAt(bodyReadWithoutPreserve, '<fragment><set-variable name="b" value="@(context.Request.Body.⟦As&lt;string&gt;()⟧)" /></fragment>');
  });

  test('silent when a set-body replaces the body, when nothing is forwarded, or when the body is preserved', () => {
    expectNoFindings(
      bodyReadWithoutPreserve,
      `<policies>
  <inbound>
    <set-body>@{ var body = context.Request.Body.As<JObject>(); body["x"] = 1; return body.ToString(); }</set-body>
    <set-variable name="a" value="@(context.Request.Body.As&lt;string&gt;(preserveContent: true))" />
  </inbound>
  <backend><forward-request /><set-variable name="late" value="@(context.Request.Body.As&lt;string&gt;())" /></backend>
  <outbound>
    <set-variable name="r" value="@(context.Response.Body.As&lt;JObject&gt;())" />
    <set-body>@(((JObject)context.Variables["r"]).ToString())</set-body>
    <set-variable name="req" value="@(context.Request.Body.As&lt;string&gt;())" />
  </outbound>
  <on-error><set-variable name="e" value="@(context.Response.Body.As&lt;string&gt;())" /></on-error>
</policies>`,
    );
    expectNoFindings(
      bodyReadWithoutPreserve,
      `<policies><inbound>
  <set-variable name="plain" value="@(context.Request.Body.As&lt;string&gt;())" />
  <choose>
    <when condition="@(context.Variables[&quot;plain&quot;] == null)"><return-response><set-status code="400" /></return-response></when>
    <otherwise><return-response><set-body>@((string)context.Variables["plain"])</set-body></return-response></otherwise>
  </choose>
</inbound></policies>`,
    );
  });

  test('a set-body that belongs to a send-request does not refill the forwarded request', () => {
    expectFindingsAt(
      bodyReadWithoutPreserve,
      '<policies><inbound><send-request response-variable-name="r"><set-url>https://x.example.com</set-url><set-method>POST</set-method><set-body>@(context.Request.Body.⟦As<string>()⟧)</set-body></send-request></inbound></policies>',
    );
  });
});
