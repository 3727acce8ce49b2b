import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ELEMENT_DEPTH, parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { attribute, childElements, type XmlElement, type XmlText } from '../../../server/src/engine/policy/syntaxTree';

function slice(text: string, range: { start: number; end: number } | undefined): string {
  assert.ok(range, 'expected a range');
  return text.slice(range.start, range.end);
}

function codes(text: string): string[] {
  return parsePolicy(text).findings.map((finding) => finding.code);
}

function element(root: XmlElement | undefined, ...path: string[]): XmlElement {
  let current = root;
  for (const name of path) {
    current = current && childElements(current).find((child) => child.name === name);
  }
  assert.ok(current, `no element at ${path.join('/')}`);
  return current;
}

describe('policy parser: tree and exact spans', () => {
  test('records element, attribute name and value spans (value without quotes)', () => {
    const text = '<policies>\n  <inbound>\n    <rate-limit calls="5" renewal-period=\'60\' />\n  </inbound>\n</policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const rateLimit = element(document.root, 'inbound', 'rate-limit');
    assert.equal(slice(text, rateLimit.nameSpan), 'rate-limit');
    assert.equal(slice(text, rateLimit.span), '<rate-limit calls="5" renewal-period=\'60\' />');
    assert.equal(rateLimit.selfClosing, true);
    const calls = attribute(rateLimit, 'calls');
    assert.equal(slice(text, calls?.nameSpan), 'calls');
    assert.equal(slice(text, calls?.valueSpan), '5');
    assert.equal(calls?.quote, '"');
    assert.equal(slice(text, attribute(rateLimit, 'renewal-period')?.valueSpan), '60');
    const inbound = element(document.root, 'inbound');
    assert.equal(slice(text, inbound.endTag?.span), '</inbound>');
    assert.equal(slice(text, inbound.span), text.slice(text.indexOf('<inbound>'), text.indexOf('</inbound>') + '</inbound>'.length));
    assert.equal(inbound.parent?.name, 'policies');
  });

  test('reads an expression with raw < > && and nested quotes inside a double-quoted attribute', () => {
    const condition = '@(context.Request.Method == "POST" && context.Variables.GetValueOrDefault<bool>("x"))';
    const text = `<policies><inbound><choose><when condition="${condition}"><base /></when></choose></inbound></policies>`;
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const when = element(document.root, 'inbound', 'choose', 'when');
    const value = attribute(when, 'condition');
    assert.equal(value?.value, condition);
    assert.equal(slice(text, value?.valueSpan), condition);
    const [expression] = value?.embedded ?? [];
    assert.equal(expression?.kind, 'expression');
    assert.equal(slice(text, expression?.span), condition);
    assert.equal(expression?.kind === 'expression' && slice(text, expression.codeSpan), condition.slice(2, -1));
    assert.equal(childElements(when)[0]?.name, 'base');
  });

  test('reads a multi-statement expression in element text without opening tags at raw <', () => {
    const body = '@{ var b = context.Request.Body.As<JObject>(); return b.ToString(); }';
    const text = `<policies><inbound><set-body>${body}</set-body></inbound></policies>`;
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const setBody = element(document.root, 'inbound', 'set-body');
    assert.equal(setBody.children.length, 1);
    const bodyText = setBody.children[0] as XmlText;
    assert.equal(bodyText.kind, 'text');
    assert.equal(bodyText.value, body);
    assert.equal(bodyText.embedded[0]?.kind === 'expression' && bodyText.embedded[0].form, 'multi');
  });

  test('C# strings, verbatim strings, interpolation holes and char literals do not end an expression', () => {
    const expression = '@{ var s = @"a "" ) }"; var t = $"{(x ? "}" : "(")}"; var c = \')\'; return s + t; }';
    const text = `<policies><inbound><set-body>${expression}</set-body></inbound></policies>`;
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const bodyText = element(document.root, 'inbound', 'set-body').children[0] as XmlText;
    assert.equal(slice(text, bodyText.embedded[0]?.span), expression);
  });

  test('entity-quoted C# strings in well-formed XML hide // and brackets', () => {
    const text = '<policies><inbound><set-variable name="u" value="@(&quot;http://x/(&quot; + context.Request.Url.Path)" /></inbound></policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const value = attribute(element(document.root, 'inbound', 'set-variable'), 'value');
    assert.equal(value?.value, '@("http://x/(" + context.Request.Url.Path)');
  });

  test('finds named values with exact name spans in attributes, text and expressions', () => {
    const text =
      '<policies><inbound><set-header name="x-key" exists-action="override"><value>{{ api-key }}</value></set-header><set-variable name="v" value="@("{{other.key}}")" /></inbound></policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const value = element(document.root, 'inbound', 'set-header', 'value').children[0] as XmlText;
    const reference = value.embedded.find((item) => item.kind === 'named-value');
    assert.equal(reference?.kind === 'named-value' && reference.name, 'api-key');
    assert.equal(reference?.kind === 'named-value' && slice(text, reference.nameSpan), 'api-key');
    assert.equal(slice(text, reference?.span), '{{ api-key }}');
    const variable = attribute(element(document.root, 'inbound', 'set-variable'), 'value');
    assert.deepEqual(
      variable?.embedded.map((item) => item.kind),
      ['expression', 'named-value'],
    );
  });

  test('decodes the predefined entities and character references', () => {
    const text = '<policies><inbound><set-header name="a&amp;b&#x41;&#66;"><value>&lt;x&gt; &quot;&apos;</value></set-header></inbound></policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    const header = element(document.root, 'inbound', 'set-header');
    assert.equal(attribute(header, 'name')?.value, 'a&bAB');
    assert.equal((element(header, 'value').children[0] as XmlText).value, '<x> "\'');
  });

  test('keeps comments, CDATA, the XML declaration and a BOM with exact offsets', () => {
    const text = '\uFEFF<?xml version="1.0"?>\r\n<!-- c -->\r\n<policies><inbound><![CDATA[a<b]]></inbound></policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(
      document.children.map((node) => node.kind),
      ['processing-instruction', 'text', 'comment', 'text', 'element'],
    );
    const comment = document.children[2];
    assert.equal(slice(text, comment.span), '<!-- c -->');
    const cdata = element(document.root, 'inbound').children[0];
    assert.equal(cdata.kind === 'cdata' && cdata.value, 'a<b');
    assert.equal(document.root?.name, 'policies');
  });
});

describe('policy parser: recovery and syntax findings', () => {
  test('an unclosed element is reported on its name with a fix that inserts the end tag on its own line', () => {
    const text = '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n</policies>';
    const { document, findings } = parsePolicy(text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.code, 'xml-unclosed-element');
    assert.equal(slice(text, finding.span), 'backend');
    assert.match(finding.message, /<backend> is never closed/);
    assert.equal(finding.fixes[0]?.title, 'Insert </backend>');
    assert.equal(finding.fixes[0]?.isPreferred, true);
    const edit = finding.fixes[0].edits[0];
    const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    assert.equal(fixed, '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>');
    assert.deepEqual(codes(fixed), []);
    assert.equal(element(document.root, 'backend').closed, false);
  });

  test('a stray end tag is reported and does not close anything', () => {
    const text = '<policies><inbound></outbound></inbound></policies>';
    const { findings } = parsePolicy(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, slice(text, finding.span)]),
      [['xml-unexpected-end-tag', 'outbound']],
    );
  });

  test('EOF inside a start tag, an attribute value, a comment and an expression', () => {
    assert.deepEqual(codes('<policies><inbound><rate-limit calls="5'), [
      'xml-unterminated-attribute-value',
      'xml-unclosed-start-tag',
      'xml-unclosed-element',
      'xml-unclosed-element',
    ]);
    assert.deepEqual(codes('<policies><!-- note'), ['xml-unterminated-comment', 'xml-unclosed-element']);
    const unterminated = parsePolicy('<policies><inbound><set-body>@{ return "x";</set-body></inbound></policies>');
    assert.deepEqual(
      unterminated.findings.map((finding) => finding.code),
      ['expression-unterminated'],
    );
  });

  test('a value missing its closing quote ends at the tag instead of swallowing the document', () => {
    const text = '<policies><inbound><set-header name="x-a>\n<value>1</value></set-header>\n<base /></inbound></policies>';
    const { document, findings } = parsePolicy(text);
    assert.equal(findings[0]?.code, 'xml-unterminated-attribute-value');
    assert.equal(findings[0]?.fixes[0]?.edits[0]?.newText, '"');
    assert.ok(childElements(element(document.root, 'inbound')).some((child) => child.name === 'base'));
  });

  test('attribute problems: no value, unquoted value, duplicate, raw < in a plain value', () => {
    const text = '<policies><inbound><rate-limit calls renewal-period=60 x="1" x="2" y="a<b" /></inbound></policies>';
    const { findings } = parsePolicy(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, slice(text, finding.span)]),
      [
        ['xml-attribute-without-value', 'calls'],
        ['xml-unquoted-attribute-value', '60'],
        ['xml-duplicate-attribute', 'x'],
        ['xml-lt-in-attribute-value', '<'],
      ],
    );
  });

  test('entities: unknown names and bare ampersands outside expressions are reported; && inside is fine', () => {
    const text =
      '<policies><inbound><set-header name="a&nbsp;b"><value>x & y</value></set-header><choose><when condition="@(a &amp;&amp; b && c)" /></choose></inbound></policies>';
    assert.deepEqual(
      parsePolicy(text).findings.map((finding) => [finding.code, slice(text, finding.span)]),
      [
        ['xml-unknown-entity', '&nbsp;'],
        ['xml-bare-ampersand', '&'],
      ],
    );
  });

  test('a DOCTYPE is reported and never expanded (billion laughs, external entity)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><policies><inbound><set-body>&lol2;</set-body></inbound></policies>';
    const result = parsePolicy(laughs);
    assert.deepEqual(
      result.findings.map((finding) => finding.code),
      ['xml-doctype', 'xml-unknown-entity'],
    );
    const body = element(result.document.root, 'inbound', 'set-body').children[0] as XmlText;
    assert.equal(body.value, '&lol2;');
    const external = parsePolicy('<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><policies>&x;</policies>');
    assert.deepEqual(
      external.findings.map((finding) => finding.code),
      ['xml-doctype', 'xml-unknown-entity'],
    );
  });

  test('text outside the root and a second root are reported', () => {
    assert.deepEqual(codes('hello <policies /><policies />'), ['xml-text-outside-root', 'xml-multiple-roots']);
  });

  test('NUL and binary content are reported once', () => {
    assert.deepEqual(codes('<policies>\u0000\u0001\u0002</policies>'), ['xml-invalid-character']);
  });

  test('nesting deeper than the limit is reported once and parsing stays iterative', () => {
    const depth = 200_000;
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['xml-nesting-too-deep'],
    );
    let levels = 0;
    for (let current = document.root; current; current = childElements(current)[0]) levels++;
    assert.equal(levels, MAX_ELEMENT_DEPTH);
  });

  test('CRLF and mixed line endings keep offsets exact', () => {
    const text = '<policies>\r\n  <inbound>\n\r\n    <base />\r  </inbound>\r\n</policies>';
    const { document, findings } = parsePolicy(text);
    assert.deepEqual(findings, []);
    assert.equal(slice(text, element(document.root, 'inbound', 'base').span), '<base />');
  });

  test('text after an expression is reported', () => {
    const text = '<policies><inbound><set-variable name="a" value="@(1) + 2" /></inbound></policies>';
    const { findings } = parsePolicy(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, slice(text, finding.span)]),
      [['expression-trailing-text', '+ 2']],
    );
  });
});
