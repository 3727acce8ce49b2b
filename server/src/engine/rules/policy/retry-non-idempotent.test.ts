import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { retryNonIdempotent } from './retry-non-idempotent';

describe('retry-non-idempotent', () => {
  test('without the method in sight: an info finding on the condition, asking the question', () => {
    const { findings } = expectFindingsAt(
      retryNonIdempotent,
      '<policies><backend><retry condition="⟦@(context.Response.StatusCode &gt;= 500)⟧" count="3" interval="1"><forward-request /></retry></backend></policies>',
    );
    assert.equal(findings[0].severity, 'info');
    assert.equal(
      findings[0].message,
      'If this API has POST or PATCH operations, this retry can repeat them: it retries on status 500, 502, 504, which the backend can return after acting; retry those methods only on 429 or 503, or exclude them in the condition.',
    );
  });

  test('a warning when the policy shows the method: an enclosing when, a set-method, or a send-request POST', () => {
    const { findings } = expectFindingsAt(
      retryNonIdempotent,
      `<policies>
  <inbound>
    <retry condition="⟦@(context.Variables[&quot;r&quot;] == null || ((IResponse)context.Variables[&quot;r&quot;]).StatusCode == 504)⟧" count="2" interval="1">
      <send-request mode="new" response-variable-name="r" timeout="10" ignore-error="true">
        <set-url>https://orders.example.com/orders</set-url>
        <set-method>POST</set-method>
      </send-request>
    </retry>
  </inbound>
  <backend>
    <choose>
      <when condition="@(context.Request.Method == &quot;PATCH&quot;)">
        <retry condition="⟦@(context.Response == null)⟧" count="2" interval="1"><forward-request /></retry>
      </when>
    </choose>
  </backend>
</policies>`,
    );
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['warning', 'warning'],
    );
    assert.equal(
      findings[0].message,
      'This retry repeats a POST request and it retries on status 504, which the backend can return after acting; retry those methods only on 429 or 503, or exclude them in the condition.',
    );
    assert.match(findings[1].message, /^This retry repeats a PATCH request and it retries when no response arrived/);
    const rewritten = expectFindingsAt(
      retryNonIdempotent,
      '<policies><inbound><set-method>POST</set-method></inbound><backend><retry condition="⟦true⟧" count="1" interval="1"><forward-request /></retry></backend></policies>',
    );
    assert.equal(rewritten.findings[0].severity, 'warning');
  });

  test('the fix adds a method check around the original condition and keeps the document valid', () => {
    const { text, findings } = expectFindingsAt(
      retryNonIdempotent,
      '<policies><backend><retry condition="⟦@(context.Response.StatusCode == 502)⟧" count="3" interval="1"><forward-request /></retry></backend></policies>',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(
      fixed,
      '<policies><backend><retry condition="@(context.Request.Method != &quot;POST&quot; && context.Request.Method != &quot;PATCH&quot; && (context.Response.StatusCode == 502))" count="3" interval="1"><forward-request /></retry></backend></policies>',
    );
    assert.equal(findings[0].fixes[0].isPreferred, false);
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(retryNonIdempotent, fixed), []);
  });

  test('silent for refusal-only conditions, method checks, GET side calls and model inference APIs', () => {
    expectNoFindings(
      retryNonIdempotent,
      `<policies><backend>
  <retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode == 503)" count="3" interval="1"><forward-request /></retry>
  <retry condition="@(context.Request.Method == &quot;GET&quot; &amp;&amp; context.Response.StatusCode &gt;= 500)" count="3" interval="1"><forward-request /></retry>
  <retry condition="@(context.Response.StatusCode &gt;= 500)" count="3" interval="1"><set-variable name="a" value="b" /></retry>
  <retry condition="@(context.Variables[&quot;r&quot;] == null)" count="3" interval="1">
    <send-request response-variable-name="r"><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request>
  </retry>
</backend></policies>`,
    );
    expectNoFindings(
      retryNonIdempotent,
      `<policies>
  <inbound><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound>
  <backend><retry condition="@(context.Response.StatusCode &gt;= 500)" count="2" interval="0"><forward-request /></retry></backend>
</policies>`,
    );
  });
});
