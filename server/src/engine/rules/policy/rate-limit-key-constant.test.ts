import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { rateLimitKeyConstant } from './rate-limit-key-constant';

describe('rate-limit-key-constant', () => {
  test('reports literal keys and literal-only expressions on the value, for every keyed limit', () => {
    const { findings } = expectFindingsAt(
      rateLimitKeyConstant,
      `<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="10" renewal-period="60" counter-key="⟦all-callers⟧" />
    <quota-by-key calls="1000" renewal-period="3600" counter-key="⟦@(&quot;shared&quot;)⟧" />
    <llm-token-limit counter-key='⟦@{ return "x"; }⟧' tokens-per-minute="1000" estimate-prompt-tokens="false" />
    <azure-openai-token-limit counter-key="⟦@(&quot;a&quot; + &quot;b&quot;)⟧" tokens-per-minute="1000" estimate-prompt-tokens="false" />
  </inbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      'The rate-limit-by-key counter-key is always "all-callers", so all callers share one counter unless a parent scope also limits each caller; key it by caller, for example @(context.Subscription?.Id ?? context.Request.IpAddress), or add a per-caller limit beside it.',
    );
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[3].message, /azure-openai-token-limit counter-key is always "ab"/);
  });

  test('the fix keys the counter by subscription or client IP and leaves a valid document', () => {
    const { text, findings } = expectFindingsAt(
      rateLimitKeyConstant,
      '<policies><inbound><rate-limit-by-key calls="10" renewal-period="60" counter-key="⟦@(&quot;all&quot;)⟧" /></inbound></policies>',
    );
    const fix = findings[0].fixes[0];
    assert.equal(fix.isPreferred, false);
    const fixed = applyFix(text, fix);
    assert.equal(
      fixed,
      '<policies><inbound><rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Subscription?.Id ?? context.Request.IpAddress)" /></inbound></policies>',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(rateLimitKeyConstant, fixed), []);
  });

  test('a warning at the global scope, where no parent can limit each caller', () => {
    const { findings } = expectFindingsAt(
      rateLimitKeyConstant,
      '<policies><inbound><llm-token-limit counter-key="⟦global-budget⟧" tokens-per-minute="100000" estimate-prompt-tokens="false" /></inbound></policies>',
      { scope: 'global' },
    );
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /share one counter; key it by caller/);
  });

  test('silent for a shared counter beside a per-caller limit (a capacity guard)', () => {
    for (const perCaller of [
      '<rate-limit calls="10" renewal-period="60" />',
      '<quota calls="1000" renewal-period="3600" />',
      '<rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Subscription.Id)" />',
      '<llm-token-limit counter-key="@(context.Request.IpAddress)" tokens-per-minute="1000" estimate-prompt-tokens="false" />',
    ]) {
      expectNoFindings(
        rateLimitKeyConstant,
        `<policies><inbound>
  ${perCaller}
  <llm-token-limit counter-key="global-budget" tokens-per-minute="100000" estimate-prompt-tokens="false" />
  <rate-limit-by-key calls="500" renewal-period="60" counter-key="@(&quot;backend-capacity&quot;)" />
</inbound></policies>`,
        { scope: 'global' },
      );
    }
  });

  test('silent for per-caller keys, named values, interpolation and the non-keyed rate-limit', () => {
    expectNoFindings(
      rateLimitKeyConstant,
      `<policies><inbound>
  <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Subscription.Id)" />
  <rate-limit-by-key calls="10" renewal-period="60" counter-key="{{limit-key}}" />
  <quota-by-key calls="10" renewal-period="3600" counter-key="@($&quot;tenant-{context.Request.Headers.GetValueOrDefault(&quot;x-tenant&quot;, &quot;&quot;)}&quot;)" />
  <rate-limit calls="10" renewal-period="60" />
  <set-variable name="counter-key" value="constant" />
</inbound></policies>`,
    );
  });
});
