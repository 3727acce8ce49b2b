import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { corsCredentialsWildcard } from './cors-credentials-wildcard';

const POLICY = `<policies>
  <inbound>
    <cors allow-credentials="true">
      <allowed-origins><origin>⟦*⟧</origin></allowed-origins>
      <allowed-headers><header>*</header></allowed-headers>
    </cors>
  </inbound>
</policies>`;

describe('cors-credentials-wildcard', () => {
  test('reports a * origin when credentials are allowed, with two fixes', () => {
    const { text, findings } = expectFindingsAt(corsCredentialsWildcard, POLICY);
    assert.equal(findings[0].message, 'The cors policy allows credentials from every origin (*); list the trusted origins or set allow-credentials="false".');
    assert.deepEqual(
      findings[0].fixes.map((fix) => fix.title),
      ['Replace * with a named value holding the trusted origin', 'Set allow-credentials to false'],
    );
    for (const fix of findings[0].fixes) assert.deepEqual(runRule(corsCredentialsWildcard, applyFix(text, fix)), []);
    assert.ok(applyFix(text, findings[0].fixes[1]).includes('<cors allow-credentials="false">'));
  });

  test('silent without credentials, with listed origins, or when credentials come from an expression', () => {
    expectNoFindings(corsCredentialsWildcard, POLICY.replace('⟦*⟧', '*').replace('"true"', '"false"'));
    expectNoFindings(corsCredentialsWildcard, POLICY.replace('⟦*⟧', 'https://app.contoso.com'));
    expectNoFindings(corsCredentialsWildcard, POLICY.replace('⟦*⟧', '*').replace('"true"', '"@(true)"'));
  });
});
