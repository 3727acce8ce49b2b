import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { corsWildcard } from './cors-wildcard';

describe('cors-wildcard', () => {
  test('reports a * origin on the star', () => {
    const { text, findings } = expectFindingsAt(
      corsWildcard,
      `<policies>
  <inbound>
    <cors allow-credentials="false">
      <allowed-origins>
        <origin> ⟦*⟧ </origin>
      </allowed-origins>
      <allowed-headers><header>*</header></allowed-headers>
    </cors>
  </inbound>
</policies>`,
    );
    assert.equal(findings[0].message, 'The cors policy allows every origin (*); list the web origins that may call this API instead.');
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('<origin> {{cors-allowed-origin}} </origin>'));
    assert.deepEqual(runRule(corsWildcard, fixed), []);
  });

  test("silent for listed origins, wildcard headers and methods, and when credentials make it the stricter rule's finding", () => {
    expectNoFindings(
      corsWildcard,
      '<policies><inbound><cors><allowed-origins><origin>https://app.contoso.com</origin></allowed-origins><allowed-methods><method>*</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors></inbound></policies>',
    );
    expectNoFindings(
      corsWildcard,
      '<policies><inbound><cors allow-credentials="true"><allowed-origins><origin>*</origin></allowed-origins><allowed-headers><header>*</header></allowed-headers></cors></inbound></policies>',
    );
  });
});
