import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expressionAt } from '../../../server/src/engine/language/expressionAtOffset';
import { expressionSignature } from '../../../server/src/engine/language/expressionSignature';
import { LOOSE_DOCUMENT } from '../../../server/src/engine/language/languageEnvironment';
import { policyCompletions } from '../../../server/src/engine/language/policyCompletions';
import { policyHover } from '../../../server/src/engine/language/policyHover';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { withCursor } from '../language/cursorText';

function inPolicy(expression: string): string {
  return `<policies>\n  <inbound>\n    <set-variable name="v" value="${expression}" />\n  </inbound>\n</policies>`;
}

function hoverAt(marked: string): { markdown: string; hovered: string } | undefined {
  const { text, offset } = withCursor(marked);
  const hover = policyHover(parsePolicy(text).document, offset, LOOSE_DOCUMENT);
  return hover && { markdown: hover.markdown, hovered: text.slice(hover.span.start, hover.span.end) };
}

function completionLabels(marked: string): string[] {
  const { text, offset } = withCursor(marked);
  return policyCompletions(parsePolicy(text).document, offset, LOOSE_DOCUMENT, '.').map((item) => item.label);
}

test('hover on a member shows its type, owner and description', () => {
  const hover = hoverAt(inPolicy('@(context.Request.Hea¦ders.Count)'));
  assert.equal(hover?.hovered, 'Headers');
  assert.match(hover?.markdown ?? '', /IReadOnlyDictionary<string, string\[\]> IRequest\.Headers/);
  assert.match(hover?.markdown ?? '', /Request headers/);
});

test('hover on a method shows its signature and return type', () => {
  const hover = hoverAt(inPolicy('@(context.Request.Headers.GetValue¦OrDefault(&quot;a&quot;, &quot;&quot;))'));
  assert.equal(hover?.hovered, 'GetValueOrDefault');
  assert.match(hover?.markdown ?? '', /string IReadOnlyDictionary<string, string\[\]>\.GetValueOrDefault\(string name, string defaultValue\)/);
});

test('hover on a local shows the type inferred from its value', () => {
  const text = '<policies><inbound><set-body>@{\n  var method = context.Request.Method;\n  return met¦hod;\n}</set-body></inbound></policies>';
  const hover = hoverAt(text);
  assert.equal(hover?.hovered, 'method');
  assert.match(hover?.markdown ?? '', /\(local\) string method/);
});

test('hover on context and on a cast sub-expression', () => {
  assert.match(hoverAt(inPolicy('@(cont¦ext.Api.Id)'))?.markdown ?? '', /IProxyContext context/);
  const cast = hoverAt(inPolicy('@(((JObject)context.Variables[&quot;b&quot;]¦).ToString())'));
  assert.match(cast?.markdown ?? '', /JObject/);
});

test('completion continues through typed chains: a call returning string offers string members', () => {
  const labels = completionLabels(inPolicy('@(context.Request.Headers.GetValueOrDefault("x", "").¦)'));
  assert.ok(labels.includes('ToLower') && labels.includes('AsJwt'), labels.join(','));
});

test('completion after a cast and after a typed local', () => {
  assert.ok(completionLabels(inPolicy('@(((string)context.Variables[&quot;a&quot;]).¦)')).includes('Substring'));
  const block = '<policies><inbound><set-body>@{\n  var url = context.Request.Url;\n  return url.¦\n}</set-body></inbound></policies>';
  assert.ok(completionLabels(block).includes('QueryString'));
});

test('signature help inside a call, with the active parameter', () => {
  const { text, offset } = withCursor(inPolicy('@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;, ¦))'));
  const document = parsePolicy(text).document;
  const expression = expressionAt(document, offset);
  assert.ok(expression);
  const signature = expressionSignature(expression, offset);
  assert.deepEqual(signature?.parameters, ['string name', 'string defaultValue']);
  assert.equal(signature?.activeParameter, 1);
});
