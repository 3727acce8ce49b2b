import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { retryWaitSeconds } from './retryWaitSeconds';

const base = { maxInterval: undefined, delta: undefined, firstFastRetry: false };

describe('retryWaitSeconds', () => {
  test('fixed, linear and exponential waits follow the retry docs', () => {
    assert.equal(retryWaitSeconds({ ...base, count: 3, interval: 5 }), 15);
    assert.equal(retryWaitSeconds({ ...base, count: 3, interval: 1, delta: 2 }), 1 + 3 + 5);
    // The docs' example: 10, 20, 40, 80, then 100 for the remaining attempts.
    assert.equal(retryWaitSeconds({ ...base, count: 6, interval: 10, delta: 10, maxInterval: 100 }), 10 + 20 + 40 + 80 + 100 + 100);
  });

  test('a fast first retry does not wait, and counts beyond the documented 50 are capped', () => {
    assert.equal(retryWaitSeconds({ ...base, count: 3, interval: 5, firstFastRetry: true }), 10);
    assert.equal(retryWaitSeconds({ ...base, count: 1_000_000, interval: 1 }), 50);
  });
});
