import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { sendRequestErrorsIgnored } from './send-request-errors-ignored';

const call = (name: string, ignore = 'ignore-error="true"'): string =>
  `<send-request mode="new" response-variable-name="${name}" timeout="10" ${ignore}><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request>`;

describe('send-request-errors-ignored', () => {
  test('reports ignore-error="true" when the response variable is never read', () => {
    const { findings } = expectFindingsAt(
      sendRequestErrorsIgnored,
      `<policies><inbound>
  <send-request mode="new" response-variable-name="audit" timeout="10" ⟦ignore-error="true"⟧><set-url>https://x.example.com</set-url><set-method>POST</set-method></send-request>
  <set-header name="x-audit" exists-action="override"><value>@(context.Variables.ContainsKey(&quot;auditing&quot;) ? "1" : "0")</value></set-header>
</inbound></policies>`,
    );
    assert.equal(
      findings[0].message,
      'This send-request ignores errors, but nothing reads its response variable "audit", so a failed call goes unnoticed; check the variable for null, or use send-one-way-request if the answer does not matter.',
    );
  });

  test('silent when the variable is read by an expression or a Liquid template', () => {
    expectNoFindings(
      sendRequestErrorsIgnored,
      `<policies><inbound>
  ${call('a')}
  <choose><when condition="@(context.Variables[&quot;a&quot;] == null)"><return-response><set-status code="502" /></return-response></when></choose>
  ${call('b')}
  <set-variable name="status" value="@(context.Variables.GetValueOrDefault&lt;IResponse&gt;(&quot;b&quot;)?.StatusCode ?? 0)" />
  ${call('c')}
  <set-body template="liquid">{{context.Variables.c}}</set-body>
</inbound></policies>`,
    );
  });

  test('silent when errors are not ignored, and where the reader may be in another document', () => {
    expectNoFindings(sendRequestErrorsIgnored, `<policies><inbound>${call('a', 'ignore-error="false"')}${call('b', '')}</inbound></policies>`);
    expectNoFindings(sendRequestErrorsIgnored, `<fragment>${call('a')}</fragment>`);
    expectNoFindings(sendRequestErrorsIgnored, `<policies><inbound>${call('a')}</inbound></policies>`, { scope: 'fragment' });
    expectNoFindings(sendRequestErrorsIgnored, `<policies><inbound>${call('a')}<include-fragment fragment-id="check-a" /></inbound></policies>`);
  });
});
