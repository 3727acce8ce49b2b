import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expressionTokens } from '../../../server/src/engine/language/expressionTokens';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

/** Each token as `text:type[+modifiers]`, in order. */
function tokensOf(text: string): string[] {
  return expressionTokens(parsePolicy(text).document).map((token) => {
    const modifiers = token.modifiers.length > 0 ? `+${token.modifiers.join('+')}` : '';
    return `${text.slice(token.span.start, token.span.end)}:${token.type}${modifiers}`;
  });
}

function inAttribute(expression: string): string {
  return `<policies><inbound><set-variable name="v" value="${expression}" /></inbound></policies>`;
}

test('a typed chain: context, properties, methods, strings through XML entities', () => {
  assert.deepEqual(tokensOf(inAttribute('@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;, &quot;&quot;).Substring(1))')), [
    'context:variable+readonly+defaultLibrary',
    'Request:property',
    'Headers:property',
    'GetValueOrDefault:method',
    '&quot;x&quot;:string',
    '&quot;&quot;:string',
    'Substring:method',
    '1:number',
  ]);
});

test('lambda parameters, locals, keywords, types and generic type arguments in a block', () => {
  const text =
    '<policies><inbound><set-body>@{\n  var body = context.Request.Body.As&lt;JObject&gt;();\n  var ids = body.Properties().Select(p =&gt; p.Name);\n  return string.Join(",", ids);\n}</set-body></inbound></policies>';
  assert.deepEqual(tokensOf(text), [
    'var:keyword',
    'body:variable+declaration',
    'context:variable+readonly+defaultLibrary',
    'Request:property',
    'Body:property',
    'As:method',
    'JObject:type',
    'var:keyword',
    'ids:variable+declaration',
    'body:variable',
    'Properties:method',
    'Select:method',
    'p:parameter+declaration',
    'p:parameter',
    'return:keyword',
    'string:keyword',
    'Join:method',
    '",":string',
    'ids:variable',
  ]);
});

test('interpolated strings: literal parts are strings, holes are code', () => {
  assert.deepEqual(tokensOf(inAttribute('@($&quot;id-{context.RequestId}-x&quot;)')), [
    '$&quot;id-:string',
    'context:variable+readonly+defaultLibrary',
    'RequestId:property',
    '-x&quot;:string',
  ]);
});

test('qualified static types: namespaces and the type; casts and is', () => {
  assert.deepEqual(tokensOf(inAttribute('@(System.Text.Encoding.UTF8 != null &amp;&amp; (object)1 is int n)')), [
    'System:namespace',
    'Text:namespace',
    'Encoding:type',
    'UTF8:property',
    'null:keyword',
    'object:keyword',
    '1:number',
    'is:keyword',
    'int:keyword',
    'n:variable+declaration',
  ]);
});

test('no tokens outside expressions, and hostile nesting stays bounded', () => {
  assert.deepEqual(tokensOf('<policies><inbound><set-variable name="v" value="plain" /></inbound></policies>'), []);
  const deep = inAttribute(`@(${'('.repeat(100_000)}1${')'.repeat(100_000)})`);
  assert.ok(Array.isArray(expressionTokens(parsePolicy(deep).document)));
});

test('every corpus policy: tokens in order, non-overlapping, inside their expressions', { skip: CORPUS_SKIP }, () => {
  let count = 0;
  for (const file of corpusFiles('policy-xml')) {
    const text = readCorpusText(file);
    const document = parsePolicy(text).document;
    let previousEnd = 0;
    for (const token of expressionTokens(document)) {
      assert.ok(
        token.span.start >= previousEnd && token.span.end > token.span.start,
        `${file.relativePath}: token at ${token.span.start} overlaps or is empty`,
      );
      assert.ok(text.lastIndexOf('@', token.span.start) !== -1, `${file.relativePath}: token before any expression`);
      previousEnd = token.span.end;
      count++;
    }
  }
  assert.ok(count > 1000, `only ${count} tokens in the corpus`);
});
