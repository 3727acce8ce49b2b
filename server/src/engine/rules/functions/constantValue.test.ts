import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { attribute } from '../../policy/syntaxTree';
import { constantAttributeValue, constantExpressionValue } from './constantValue';

function valueIn(attributeMarkup: string): string | undefined {
  const text = `<x ${attributeMarkup} />`;
  const { document } = parsePolicy(text);
  return constantAttributeValue(text, document.root && attribute(document.root, 'a'));
}

describe('constantExpressionValue', () => {
  test('joins string literals, keeps numbers and booleans', () => {
    assert.equal(constantExpressionValue('"all"', 'single'), 'all');
    assert.equal(constantExpressionValue(' ("a" + "b") + 1 ', 'single'), 'ab1');
    assert.equal(constantExpressionValue('true', 'single'), 'true');
    assert.equal(constantExpressionValue('@"say ""hi"""', 'single'), 'say "hi"');
    assert.equal(constantExpressionValue('"tab\\tend"', 'single'), 'tab\tend');
    assert.equal(constantExpressionValue(' return "all"; ', 'multi'), 'all');
    assert.equal(constantExpressionValue('$"x{{y}}"', 'single'), 'x{y}');
  });

  test('anything read at run time makes it unknown', () => {
    assert.equal(constantExpressionValue('context.Subscription.Id', 'single'), undefined);
    assert.equal(constantExpressionValue('"a" + context.Request.IpAddress', 'single'), undefined);
    assert.equal(constantExpressionValue('$"k-{context.Subscription.Id}"', 'single'), undefined);
    assert.equal(constantExpressionValue('var a = "x"; return a;', 'multi'), undefined);
    assert.equal(constantExpressionValue('trueish', 'single'), undefined);
    assert.equal(constantExpressionValue('"open', 'single'), undefined);
    assert.equal(constantExpressionValue('', 'single'), undefined);
  });
});

describe('constantAttributeValue', () => {
  test('literal values and literal-only expressions are constant', () => {
    assert.equal(valueIn('a="fixed"'), 'fixed');
    assert.equal(valueIn('a="@(&quot;all&quot;)"'), 'all');
    assert.equal(valueIn(`a='@("all")'`), 'all');
  });

  test('named values, request data and mixed text are not', () => {
    assert.equal(valueIn('a="{{key}}"'), undefined);
    assert.equal(valueIn('a="@(context.Subscription.Id)"'), undefined);
    assert.equal(valueIn('a=" @(&quot;y&quot;)"'), undefined);
    // Text before `@(` makes the whole value a plain string for APIM.
    assert.equal(valueIn('a="x@(&quot;y&quot;)"'), 'x@("y")');
    assert.equal(valueIn('b="1"'), undefined);
  });
});
