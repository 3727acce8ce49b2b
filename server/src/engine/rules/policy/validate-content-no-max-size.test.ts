import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { validateContentNoMaxSize } from './validate-content-no-max-size';

describe('validate-content-no-max-size', () => {
  test('reports a max-size above 102,400 bytes on its value, and the fix lowers it', () => {
    const { text, findings } = expectFindingsAt(
      validateContentNoMaxSize,
      '<policies><inbound><validate-content unspecified-content-type-action="prevent" max-size="⟦10485760⟧" size-exceeded-action="prevent" /></inbound></policies>',
    );
    assert.equal(
      findings[0].message,
      'max-size="10485760" on <validate-content> is above the documented maximum of 102400 bytes; lower it to the largest body the API accepts.',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('max-size="102400"'));
    assert.deepEqual(runRule(validateContentNoMaxSize, fixed), []);
  });

  test('silent at or below the maximum, for expressions and named values, and when missing (a schema error)', () => {
    for (const maxSize of ['102400', '4096', '@(204800)', '{{max-body-size}}']) {
      expectNoFindings(
        validateContentNoMaxSize,
        `<policies><inbound><validate-content unspecified-content-type-action="prevent" max-size="${maxSize}" size-exceeded-action="prevent" /></inbound></policies>`,
      );
    }
    expectNoFindings(
      validateContentNoMaxSize,
      '<policies><inbound><validate-content unspecified-content-type-action="prevent" size-exceeded-action="prevent" /></inbound></policies>',
    );
  });
});
