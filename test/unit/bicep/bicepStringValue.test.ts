import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import type { BicepString } from '../../../server/src/engine/templates/bicep/bicepSyntax';
import { valueOffsetToSource, valueSpanToSource } from '../../../server/src/engine/templates/bicep/bicepStringValue';

/** The string value of `var s = <literal>` in `source`. */
function stringOf(source: string): BicepString {
  const declaration = parseBicep(source).file.declarations[0];
  assert.equal(declaration.kind, 'var');
  const value = declaration.kind === 'var' ? declaration.value : undefined;
  assert.equal(value?.kind, 'string');
  return value as BicepString;
}

describe('bicep string values and the map back to source', () => {
  test('escapes decode and every decoded character maps to the characters that produced it', () => {
    const source = "var s = 'a\\'b\\\\c\\nd\\te\\$f\\u{41}g\\u{1F642}h'";
    const string = stringOf(source);
    assert.equal(string.value, "a'b\\c\nd\te$fAg\u{1F642}h");
    const segment = string.segments[0];
    const sourceOf = (valueOffset: number): string => {
      const mapped = valueSpanToSource(segment, { start: valueOffset, end: valueOffset + 1 });
      assert.equal(mapped.start, valueOffsetToSource(segment, valueOffset));
      return source.slice(mapped.start, mapped.end);
    };
    assert.equal(sourceOf(0), 'a');
    assert.equal(sourceOf(1), "\\'");
    assert.equal(sourceOf(3), '\\\\');
    assert.equal(sourceOf(5), '\\n');
    assert.equal(sourceOf(7), '\\t');
    assert.equal(sourceOf(9), '\\$');
    assert.equal(sourceOf(11), '\\u{41}');
    assert.equal(sourceOf(12), 'g');
    // Both halves of the surrogate pair map to the whole escape.
    assert.equal(sourceOf(13), '\\u{1F642}');
    assert.equal(sourceOf(14), '\\u{1F642}');
    assert.equal(sourceOf(15), 'h');
    assert.equal(valueOffsetToSource(segment, string.value?.length ?? 0), source.length - 1);
  });

  test('a value range maps to a source range that widens to whole escapes', () => {
    const source = "var s = '<set-variable value=\"it\\'s\" />'";
    const string = stringOf(source);
    const value = string.value ?? '';
    const start = value.indexOf('"it');
    const end = value.indexOf('s"') + 2;
    const mapped = valueSpanToSource(string.segments[0], { start, end });
    assert.equal(source.slice(mapped.start, mapped.end), '"it\\\'s"');
    const quoteOnly = valueSpanToSource(string.segments[0], { start: value.indexOf("'"), end: value.indexOf("'") + 1 });
    assert.equal(source.slice(quoteOnly.start, quoteOnly.end), "\\'");
    const empty = valueSpanToSource(string.segments[0], { start: 3, end: 3 });
    assert.deepEqual(empty, { start: 12, end: 12 });
  });

  test("a ''' string is verbatim: no escapes, the leading newline is skipped, offsets map one to one", () => {
    const source = "var s = '''\n<policies>\n  <inbound a=\"\\n\" />\n</policies>'''\n";
    const string = stringOf(source);
    assert.equal(string.multiline, true);
    assert.equal(string.value, '<policies>\n  <inbound a="\\n" />\n</policies>');
    assert.deepEqual(string.contentSpan, { start: 12, end: 55 });
    const value = string.value ?? '';
    const at = value.indexOf('\\n');
    const mapped = valueSpanToSource(string.segments[0], { start: at, end: at + 2 });
    assert.deepEqual(mapped, { start: 12 + at, end: 14 + at });
    assert.equal(source.slice(mapped.start, mapped.end), '\\n');
  });

  test("a ''' string with CRLF line ends keeps them and skips only the first line break", () => {
    const source = "var s = '''\r\n<a>\r\n</a>'''";
    const string = stringOf(source);
    assert.equal(string.value, '<a>\r\n</a>');
    const value = string.value ?? '';
    const mapped = valueSpanToSource(string.segments[0], { start: value.indexOf('</a>'), end: value.length });
    assert.equal(source.slice(mapped.start, mapped.end), '</a>');
    assert.equal(mapped.start, source.indexOf('</a>'));
  });

  test("a ''' string that starts on the opening line keeps its first character", () => {
    const string = stringOf("var s = '''abc'''");
    assert.equal(string.value, 'abc');
    assert.deepEqual(string.contentSpan, { start: 11, end: 14 });
  });

  test('an interpolated string has literal segments and hole spans', () => {
    const source = "var s = 'pre-${name}-mid-${toLower('X\\'Y')}-post'";
    const string = stringOf(source);
    assert.equal(string.value, undefined);
    assert.deepEqual(
      string.segments.map((segment) => segment.value),
      ['pre-', '-mid-', '-post'],
    );
    assert.deepEqual(
      string.segments.map((segment) => source.slice(segment.sourceSpan.start, segment.sourceSpan.end)),
      ['pre-', '-mid-', '-post'],
    );
    assert.deepEqual(
      string.interpolations.map((hole) => source.slice(hole.span.start, hole.span.end)),
      ['${name}', "${toLower('X\\'Y')}"],
    );
    assert.deepEqual(string.span, { start: 8, end: source.length });
    assert.deepEqual(string.contentSpan, { start: 9, end: source.length - 1 });
    const inner = string.interpolations[1].expression;
    assert.equal(inner?.kind, 'call');
    const argument = inner?.kind === 'call' ? inner.args[0] : undefined;
    assert.equal(argument?.kind === 'string' ? argument.value : undefined, "X'Y");
  });
});
