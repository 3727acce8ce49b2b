import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { retryUnbounded } from './retry-unbounded';

describe('retry-unbounded', () => {
  test('reports a large count on its value', () => {
    const { findings } = expectFindingsAt(
      retryUnbounded,
      '<policies><backend><retry condition="@(context.Response.StatusCode == 503)" count="⟦25⟧" interval="1"><forward-request buffer-request-body="true" /></retry></backend></policies>',
    );
    assert.equal(
      findings[0].message,
      'This retry runs up to 25 more times, multiplying load on a failing backend; keep count at 10 or less (three to five is typical).',
    );
  });

  test('reports a long total wait on the element name (the docs example waits about 750 seconds)', () => {
    const { findings } = expectFindingsAt(
      retryUnbounded,
      `<policies><backend>
  <⟦retry⟧ condition="@(context.Response.StatusCode == 500)" count="10" interval="10" max-interval="100" delta="10" first-fast-retry="false">
    <forward-request buffer-request-body="true" />
  </retry>
</backend></policies>`,
    );
    assert.equal(
      findings[0].message,
      'This retry can wait about 750 seconds in total between attempts, longer than most callers wait; lower interval, delta or max-interval (or count) to stay under 60 seconds.',
    );
  });

  test('reports an always-true condition, literal or expression, even around non-call policies', () => {
    const { findings } = expectFindingsAt(
      retryUnbounded,
      `<policies><backend>
  <retry condition="⟦true⟧" count="2" interval="1"><forward-request /></retry>
  <retry condition="⟦@(true)⟧" count="2" interval="1"><set-variable name="a" value="b" /></retry>
</backend></policies>`,
    );
    assert.match(findings[0].message, /^This retry condition is always true, so the policies inside run again every time, even after a success/);
  });

  test('silent for sensible retries, unknown values, loops that count down, and retries without calls', () => {
    expectNoFindings(
      retryUnbounded,
      `<policies><backend>
  <retry condition="@(context.Response.StatusCode == 429)" count="3" interval="1" max-interval="10" delta="2"><forward-request /></retry>
  <retry condition="@(context.Response.StatusCode == 429)" count="{{retry-count}}" interval="30"><forward-request /></retry>
  <retry condition="@(context.Response.StatusCode == 429)" count="3" interval="@(5)" delta="{{delta}}"><forward-request /></retry>
  <retry condition="@((int)context.Variables[&quot;left&quot;] &gt; 0)" count="50" interval="0">
    <set-variable name="left" value="@((int)context.Variables[&quot;left&quot;] - 1)" />
    <forward-request />
  </retry>
  <retry condition="@(context.Response.StatusCode == 429)" count="50" interval="30"><set-header name="x" exists-action="delete" /></retry>
</backend></policies>`,
    );
  });
});
