import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPolicy, type FormattingEdit } from '../../../server/src/engine/language/formatPolicy';

const SPACES = { tabSize: 2, insertSpaces: true };

function apply(text: string, edits: readonly FormattingEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

function format(text: string, options = SPACES): string {
  return apply(text, formatPolicy(text, options));
}

describe('formatting', () => {
  test('re-indents elements, comments and end tags by depth', () => {
    const text =
      '<policies>\n<inbound>\n      <base />\n        <!-- keep   this -->\n<set-header name="a">\n<value>x</value>\n</set-header>\n</inbound>\n    </policies>\n';
    assert.equal(
      format(text),
      '<policies>\n  <inbound>\n    <base />\n    <!-- keep   this -->\n    <set-header name="a">\n      <value>x</value>\n    </set-header>\n  </inbound>\n</policies>\n',
    );
  });

  test('respects tabs and tab size', () => {
    const text = '<policies>\n<inbound>\n<base />\n</inbound>\n</policies>';
    assert.equal(format(text, { tabSize: 4, insertSpaces: false }), '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n</policies>');
    assert.equal(format(text, { tabSize: 4, insertSpaces: true }), '<policies>\n    <inbound>\n        <base />\n    </inbound>\n</policies>');
  });

  test('leaves expressions, text content, CDATA and comment insides alone', () => {
    const text = [
      '<policies>',
      '<inbound>',
      '<set-body>@{',
      '      var x = 1;',
      '  return "a";',
      '}</set-body>',
      '<set-variable name="v" value="@(context.Request',
      '        .Url.Path)" />',
      '<set-header name="h">',
      '<value><![CDATA[',
      '   raw  ]]></value>',
      '</set-header>',
      '<!--',
      '       inside',
      '-->',
      '</inbound>',
      '</policies>',
    ].join('\n');
    const expected = [
      '<policies>',
      '  <inbound>',
      '    <set-body>@{',
      '      var x = 1;',
      '  return "a";',
      '}</set-body>',
      '    <set-variable name="v" value="@(context.Request',
      '        .Url.Path)" />',
      '    <set-header name="h">',
      '      <value><![CDATA[',
      '   raw  ]]></value>',
      '    </set-header>',
      '    <!--',
      '       inside',
      '-->',
      '  </inbound>',
      '</policies>',
    ].join('\n');
    assert.equal(format(text), expected);
  });

  test('whitespace inside text-valued policies is payload and stays', () => {
    const text = '<policies>\n<inbound>\n<set-body>\n      <root>\n   <a/>\n</root>\n</set-body>\n</inbound>\n</policies>';
    assert.equal(format(text), '<policies>\n  <inbound>\n    <set-body>\n      <root>\n   <a/>\n</root>\n</set-body>\n  </inbound>\n</policies>');
  });

  test('attributes on their own lines go one level deeper, a lone > aligns with the tag', () => {
    const text =
      '<policies>\n<inbound>\n<rate-limit-by-key calls="10"\nrenewal-period="60"\n          counter-key="@(context.Subscription.Id)"\n/>\n</inbound>\n</policies>';
    assert.equal(
      format(text),
      '<policies>\n  <inbound>\n    <rate-limit-by-key calls="10"\n      renewal-period="60"\n      counter-key="@(context.Subscription.Id)"\n    />\n  </inbound>\n</policies>',
    );
  });

  test('minimal edits: a formatted document gets none, one wrong line gets one small edit; blank lines and CRLF stay', () => {
    const formatted = '<policies>\r\n  <inbound>\r\n\r\n    <base />\r\n  </inbound>\r\n</policies>\r\n';
    assert.deepEqual(formatPolicy(formatted, SPACES), []);
    const oneOff = formatted.replace('    <base />', '      <base />');
    const edits = formatPolicy(oneOff, SPACES);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, '');
    assert.equal(edits[0].span.end - edits[0].span.start, 2);
    assert.equal(apply(oneOff, edits), formatted);
  });

  test('a document with syntax errors is left unchanged', () => {
    assert.deepEqual(formatPolicy('<policies>\n<inbound>\n<base />\n</policies>', SPACES), []);
  });
});
