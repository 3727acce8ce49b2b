import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { validationNotEnforced } from './validation-not-enforced';

describe('validation-not-enforced', () => {
  test('reports detect and ignore actions on validate-content, validate-parameters, validate-headers and validate-status-code', () => {
    const { findings } = expectFindingsAt(
      validationNotEnforced,
      `<policies>
  <inbound>
    <validate-content unspecified-content-type-action="⟦ignore⟧" max-size="102400" size-exceeded-action="⟦detect⟧">
      <content type="application/json" validate-as="json" action="⟦Detect⟧" />
    </validate-content>
    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="⟦detect⟧">
      <query specified-parameter-action="⟦ignore⟧"><parameter name="debug" action="ignore" /></query>
    </validate-parameters>
  </inbound>
  <outbound>
    <validate-headers specified-header-action="prevent" unspecified-header-action="⟦detect⟧" />
    <validate-status-code unspecified-status-code-action="⟦ignore⟧"><status-code code="418" action="ignore" /></validate-status-code>
  </outbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      'unspecified-content-type-action="ignore" on <validate-content> lets these violations through without logging them (the other actions still apply); set it to "prevent" once the API\'s schema is trusted.',
    );
    assert.equal(
      findings[2].message,
      'action="detect" on <content> only logs violations and lets the message through; set it to "prevent" once the API\'s schema is trusted.',
    );
  });

  test('the fix sets the action to prevent', () => {
    const { text, findings } = expectFindingsAt(
      validationNotEnforced,
      '<policies><outbound><validate-status-code unspecified-status-code-action="⟦detect⟧" /></outbound></policies>',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(fixed, '<policies><outbound><validate-status-code unspecified-status-code-action="prevent" /></outbound></policies>');
    assert.deepEqual(runRule(validationNotEnforced, fixed), []);
  });

  test('a top-level parameter action overridden for every location no longer matters', () => {
    expectFindingsAt(
      validationNotEnforced,
      '<policies><inbound><validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="ignore"><headers unspecified-parameter-action="prevent" /><query unspecified-parameter-action="⟦detect⟧" /></validate-parameters></inbound></policies>',
    );
  });

  test('silent for prevent, expressions, per-name exemptions, and outside production', () => {
    expectNoFindings(
      validationNotEnforced,
      '<policies><inbound><validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="@(&quot;detect&quot;)"><content validate-as="json" action="prevent" /></validate-content><validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent"><headers><parameter name="x-debug" action="ignore" /></headers></validate-parameters></inbound></policies>',
    );
    expectNoFindings(validationNotEnforced, '<policies><outbound><validate-status-code unspecified-status-code-action="detect" /></outbound></policies>', {
      environment: 'nonproduction',
    });
  });
});
