import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { ipFilterBlocklist } from './ip-filter-blocklist';

describe('ip-filter-blocklist', () => {
  test('reports action="forbid" on its value, without a fix', () => {
    const { findings } = expectFindingsAt(
      ipFilterBlocklist,
      '<policies><inbound><ip-filter action="⟦forbid⟧"><address>203.0.113.7</address></ip-filter></inbound></policies>',
    );
    assert.equal(
      findings[0].message,
      'This ip-filter blocks only the listed addresses (action="forbid"); where callers are known, allow their addresses instead.',
    );
    assert.deepEqual(findings[0].fixes, []);
  });

  test('silent for allow lists and expressions', () => {
    expectNoFindings(
      ipFilterBlocklist,
      '<policies><inbound><ip-filter action="allow"><address-range from="10.0.0.0" to="10.0.0.255" /></ip-filter></inbound></policies>',
    );
    expectNoFindings(
      ipFilterBlocklist,
      '<policies><inbound><ip-filter action="@(&quot;forbid&quot;)"><address>203.0.113.7</address></ip-filter></inbound></policies>',
    );
  });
});
