import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { retriesAfterPossibleProcessing } from './retryTriggers';

describe('retriesAfterPossibleProcessing', () => {
  test('ranges and codes that include 500, 502 or 504 are risky, with the codes named', () => {
    assert.equal(
      retriesAfterPossibleProcessing('context.Response.StatusCode >= 500'),
      'it retries on status 500, 502, 504, which the backend can return after acting',
    );
    assert.match(retriesAfterPossibleProcessing('context.Response.StatusCode == 502') ?? '', /status 502,? which/);
    assert.match(retriesAfterPossibleProcessing('500 <= context.Response.StatusCode') ?? '', /500, 502, 504/);
    assert.match(retriesAfterPossibleProcessing('context.Response.StatusCode != 200') ?? '', /500, 502, 504/);
    assert.match(
      retriesAfterPossibleProcessing('context.Response.StatusCode == 429 || (context.Response.StatusCode >= 500 && context.Response.StatusCode != 502)') ?? '',
      /status 500, 504,/,
    );
  });

  test('no response at all and always-true conditions are risky', () => {
    assert.match(retriesAfterPossibleProcessing('context.Response == null || context.Response.StatusCode == 429') ?? '', /no response arrived/);
    assert.equal(retriesAfterPossibleProcessing('true'), 'it always retries');
    assert.equal(retriesAfterPossibleProcessing('(true)'), 'it always retries');
  });

  test('refusals (429, 503, 4xx) and conditions without status checks are not', () => {
    assert.equal(retriesAfterPossibleProcessing('context.Response.StatusCode == 429 || context.Response.StatusCode == 503'), undefined);
    assert.equal(retriesAfterPossibleProcessing('context.Response.StatusCode >= 400 && context.Response.StatusCode < 500'), undefined);
    assert.equal(retriesAfterPossibleProcessing('(int)context.Variables["left"] > 0'), undefined);
  });
});
