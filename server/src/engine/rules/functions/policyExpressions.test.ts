import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { policyExpressions } from './policyExpressions';

describe('policyExpressions', () => {
  test('lists attribute and text expressions in document order with decoded code', () => {
    const text = '<a><b v="@(&quot;x&quot; + 1)">@{ return "t"; }</b><c w="{{nv}}">@(context.Variables["y"])</c></a>';
    const found = policyExpressions(parsePolicy(text).document);
    assert.deepEqual(
      found.map((located) => [located.element.name, located.attribute?.name, located.code]),
      [
        ['b', 'v', '"x" + 1'],
        ['b', undefined, ' return "t"; '],
        ['c', undefined, 'context.Variables["y"]'],
      ],
    );
  });
});
