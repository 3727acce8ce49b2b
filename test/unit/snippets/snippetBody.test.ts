import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandSnippet } from './snippetBody';

test('placeholders expand to their defaults, tab stops to nothing, choices to the first option', () => {
  const expanded = expandSnippet('<a x="${1:one}" y="${2|b,c|}">$3${4}</a>$0');
  assert.equal(expanded.text, '<a x="one" y="b"></a>');
  assert.deepEqual(expanded.tabStops, [1, 2, 3, 4, 0]);
});

test('escaped braces and dollars and nested placeholders expand literally', () => {
  assert.equal(expandSnippet('${1:{{key\\}\\}} \\$x ${2:a${3:b}c}').text, '{{key}} $x abc');
});

test('variables and unclosed placeholders are rejected', () => {
  assert.throws(() => expandSnippet('$TM_FILENAME'), /unsupported/);
  assert.throws(() => expandSnippet('${1:open'), /unclosed placeholder/);
  assert.throws(() => expandSnippet('${1|a,b'), /unclosed choice/);
});
