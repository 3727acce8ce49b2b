import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { countStringWork } from '../../fuzz/stringWork';

/**
 * Typing must stay fast on large policies and hostile input must not stall the server, so parsing work
 * has to grow linearly with the document. Each case grows a repeated pattern 8x and checks that the
 * work per character (characters the parser touches, counted, not timed) grows less than 2x;
 * quadratic work grows about 8x. Counting makes the check exact and independent of machine load.
 */
const FACTOR = 8;
const MAX_GROWTH = 2;

function policyOf(line: string, count: number): string {
  return `<policies>\n<inbound>\n${line.repeat(count)}</inbound>\n</policies>\n`;
}

function workPerChar(text: string): number {
  return countStringWork(() => parsePolicy(text)) / text.length;
}

const CASES: { name: string; line: string }[] = [
  {
    name: 'plain statements without & or {{ (a typical large policy)',
    line: '<set-header name="x-a" exists-action="override"><value>abc</value></set-header>\n',
  },
  { name: 'statements with entities and named values', line: '<set-header name="x-a" exists-action="override"><value>a&amp;{{b}}c;</value></set-header>\n' },
  { name: 'unterminated expressions in attribute values', line: '<x a="@(" />\n' },
  { name: 'unterminated expressions in element text', line: '<x>@(</x>\n' },
  { name: 'unterminated block comments inside expressions', line: '<x a="@(/*" />\n' },
  { name: 'unterminated single-quoted attribute values', line: "<x a='v/>\n" },
  { name: '& without ; and {{ without }}', line: '<x a="&b {{c" />\n' },
  { name: 'unmatched end tags', line: '</y>\n' },
  { name: 'unclosed start tags', line: '<a b="c"\n' },
  { name: 'end tags that close an unclosed child', line: '<a><b></a>\n' },
  { name: 'processing instructions', line: '<?pi x?>\n' },
];

describe('parsing work grows linearly with the document', () => {
  for (const { name, line } of CASES) {
    test(name, () => {
      const small = workPerChar(policyOf(line, 100));
      const large = workPerChar(policyOf(line, 100 * FACTOR));
      const growth = large / small;
      assert.ok(
        growth < MAX_GROWTH,
        `work per character grew ${growth.toFixed(1)}x (${small.toFixed(1)} -> ${large.toFixed(1)}) when the document grew ${FACTOR}x: the parser is superlinear on this input`,
      );
    });
  }
});

test('the work counter sees a quadratic scan', () => {
  const quadratic = (text: string) =>
    countStringWork(() => {
      for (let index = 0; index < text.length; index++) text.indexOf('!', index);
    }) / text.length;
  assert.ok(quadratic('a'.repeat(800)) / quadratic('a'.repeat(100)) > 6);
});
