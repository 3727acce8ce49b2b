import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { descendantElements, hasAncestorNamed } from './descendantElements';

describe('descendantElements', () => {
  test('lists every element below, in document order, and answers ancestor questions', () => {
    const root = parsePolicy('<a><b><c /></b>text<d /></a>').document.root;
    assert.ok(root);
    const below = descendantElements(root);
    assert.deepEqual(
      below.map((element) => element.name),
      ['b', 'c', 'd'],
    );
    assert.equal(hasAncestorNamed(below[1], ['b']), true);
    assert.equal(hasAncestorNamed(below[2], ['b']), false);
  });
});
