import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { timeoutMissing } from './timeout-missing';

describe('timeout-missing', () => {
  test('reports forward-request without a timeout on its name, with the 300 second default', () => {
    const { text, findings } = expectFindingsAt(
      timeoutMissing,
      '<policies>\n  <backend>\n    <⟦forward-request⟧ buffer-request-body="true"/>\n  </backend>\n</policies>',
    );
    assert.equal(
      findings[0].message,
      'This forward-request has no timeout, so it waits up to 300 seconds for the backend; set timeout to what the backend needs, for example timeout="30".',
    );
    const fix = findings[0].fixes[0];
    assert.equal(fix.isPreferred, false);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, '<policies>\n  <backend>\n    <forward-request timeout="30" buffer-request-body="true"/>\n  </backend>\n</policies>');
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(timeoutMissing, fixed), []);
  });

  test('reports long literal timeouts on their value, in seconds or milliseconds', () => {
    const { findings } = expectFindingsAt(
      timeoutMissing,
      `<policies>
  <inbound>
    <send-request response-variable-name="r" timeout="⟦300⟧"><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request>
    <send-one-way-request timeout="⟦@(&quot;200&quot;)⟧"><set-url>https://x.example.com</set-url><set-method>POST</set-method></send-one-way-request>
  </inbound>
  <backend><forward-request timeout-ms="⟦150000⟧" /></backend>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      'This send-request waits up to 300 seconds for an answer; keep timeout at 120 seconds or less unless the call really runs that long.',
    );
    assert.match(findings[2].message, /^This forward-request waits up to 150 seconds for an answer; keep timeout-ms at 120 seconds or less/);
  });

  test("silent for sensible, computed and named-value timeouts, and send-request's 60 second default", () => {
    expectNoFindings(
      timeoutMissing,
      `<policies>
  <inbound>
    <send-request response-variable-name="r"><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request>
    <send-request response-variable-name="s" timeout="{{call-timeout}}"><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request>
  </inbound>
  <backend>
    <forward-request timeout="120" />
    <forward-request timeout="@(context.Variables.GetValueOrDefault&lt;int&gt;(&quot;t&quot;, 30))" />
    <forward-request timeout-ms="5000" />
  </backend>
</policies>`,
    );
  });

  test('in front of a model endpoint the suggested timeout leaves room for long completions', () => {
    const { text, findings } = expectFindingsAt(
      timeoutMissing,
      '<policies>\n  <inbound>\n    <base />\n    <azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" estimate-prompt-tokens="false" />\n  </inbound>\n  <backend>\n    <⟦forward-request⟧ buffer-request-body="true" />\n  </backend>\n</policies>',
    );
    assert.equal(
      findings[0].message,
      'This forward-request has no timeout, so it waits up to 300 seconds for the model endpoint; set timeout a little above your longest expected completion, for example timeout="120".',
    );
    assert.match(applyFix(text, findings[0].fixes[0]), /<forward-request timeout="120" buffer-request-body="true" \/>/);
  });

  test('silent for the forward-request of a mocked operation, which never runs', () => {
    expectNoFindings(
      timeoutMissing,
      '<policies><inbound><base /><mock-response status-code="200" content-type="application/json" /></inbound><backend><forward-request /></backend></policies>',
    );
    expectNoFindings(
      timeoutMissing,
      '<policies><inbound><choose><when condition="@(true)"><return-response><set-status code="200" /></return-response></when><otherwise><return-response><set-status code="404" /></return-response></otherwise></choose></inbound><backend><forward-request /></backend></policies>',
    );
  });
});
