import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';
import { quotaMissing } from './quota-missing';

const PRODUCT = { scope: 'product' } as const;

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>\n`;
}

describe('quota-missing', () => {
  test('a product policy without a quota is reported on its inbound section', () => {
    const { findings } = expectFindingsAt(
      quotaMissing,
      '<policies>\n  <⟦inbound⟧>\n    <base />\n    <rate-limit calls="10" renewal-period="60" />\n  </inbound>\n</policies>\n',
      PRODUCT,
    );
    assert.equal(findings[0].severity, 'info');
    assert.equal(findings[0].message, 'This product sets no quota, so one subscription can use the APIs without bound over time: add quota to inbound.');
  });

  test('a product without an inbound section is reported on the root', () => {
    expectFindingsAt(quotaMissing, '<⟦policies⟧>\n  <outbound />\n</policies>\n', PRODUCT);
  });

  test('quota, quota-by-key (in any branch) and token limits with a token quota count', () => {
    expectNoFindings(quotaMissing, policy('    <quota calls="1000" renewal-period="604800" />\n'), PRODUCT);
    expectNoFindings(
      quotaMissing,
      policy(
        '    <choose>\n      <when condition="@(true)">\n        <quota-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />\n      </when>\n    </choose>\n',
      ),
      PRODUCT,
    );
    expectNoFindings(
      quotaMissing,
      policy(
        '    <llm-token-limit counter-key="@(context.Subscription.Id)" token-quota="100000" token-quota-period="Monthly" estimate-prompt-tokens="false" />\n',
      ),
      PRODUCT,
    );
    expectFindingsAt(
      quotaMissing,
      '<policies>\n  <⟦inbound⟧>\n    <llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" estimate-prompt-tokens="false" />\n  </inbound>\n</policies>\n',
      PRODUCT,
    );
  });

  test('a fragment could hold the quota, so the rule stays quiet', () => {
    expectNoFindings(quotaMissing, policy('    <include-fragment fragment-id="product-limits" />\n'), PRODUCT);
  });

  test('only product policies are checked', () => {
    for (const scope of ['global', 'api', 'operation', 'fragment', undefined] as const) expectNoFindings(quotaMissing, policy(''), { scope });
  });

  test('the fix inserts quota after <base />, and the finding goes away', () => {
    const text = policy('');
    const [finding] = runRule(quotaMissing, text, PRODUCT);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(fixed, policy('    <quota calls="10000" renewal-period="2592000" />\n'));
    assert.deepEqual(parsePolicy(fixed).findings, []);
    expectNoFindings(quotaMissing, fixed, PRODUCT);
  });

  test('in an APIOps tree, product policies are recognised by their place', () => {
    const workspace = new MemoryWorkspace({ 'products/free/productInformation.json': '{}', 'products/free/policy.xml': policy('') });
    assert.equal(workspace.findingsOf('quota-missing', 'products/free/policy.xml').length, 1);
  });
});
