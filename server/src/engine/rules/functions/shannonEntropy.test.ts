import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shannonEntropy } from './shannonEntropy';

describe('shannonEntropy', () => {
  test('is 0 for empty or repeated text, log2(n) for n distinct characters', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });

  test('random keys score higher than words', () => {
    assert.ok(shannonEntropy('q8Zr2LmX7pWv4NcT9bYh3KsD') > 4);
    assert.ok(shannonEntropy('aaaaaaaaaaaaaaaaaaaaaaab') < 1);
  });
});
