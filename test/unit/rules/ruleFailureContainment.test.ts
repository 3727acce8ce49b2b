import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { tracingEnabled } from '../../../server/src/engine/rules/policy/tracing-enabled';
import type { PolicyDocumentRule } from '../../../server/src/engine/rules/policyRule';
import { DEFAULT_RULE_SETTINGS } from '../../../server/src/engine/rules/ruleSettings';
import { runPolicyDocumentRules } from '../../../server/src/engine/rules/runPolicyDocumentRules';

const brokenRule: PolicyDocumentRule = {
  meta: { ...tracingEnabled.meta, id: 'always-throws', productionOnly: false },
  check() {
    throw new Error('bug in a rule');
  },
};

test('an exception inside one rule is contained: it is returned with the rule id and the other rules still report', () => {
  const text = '<policies><inbound><trace source="a"><message>@(context.Subscription.Key)</message></trace></inbound></policies>';
  const { document } = parsePolicy(text);
  const run = runPolicyDocumentRules({ text, document, scope: undefined }, [brokenRule, tracingEnabled], DEFAULT_RULE_SETTINGS);
  assert.deepEqual(
    run.failures.map((failure) => [failure.ruleId, failure.error instanceof Error ? failure.error.message : '']),
    [['always-throws', 'bug in a rule']],
  );
  assert.deepEqual(
    run.findings.map((finding) => finding.code),
    ['tracing-enabled'],
  );
});
