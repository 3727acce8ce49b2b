import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { valueOffsetToSource, valueSpanToSource } from '../../../server/src/engine/templates/bicep/bicepStringValue';
import { parseHcl } from '../../../server/src/engine/templates/terraform/hclParser';
import type { HclAttribute, HclBlock, HclExpression, HclTemplate } from '../../../server/src/engine/templates/terraform/hclSyntax';

function clean(text: string): ReturnType<typeof parseHcl> {
  const result = parseHcl(text);
  assert.deepEqual(
    result.findings.map((finding) => `${finding.code}: ${finding.message}`),
    [],
  );
  return result;
}

function attribute(text: string, name: string): HclAttribute {
  const item = clean(text).file.body.items.find((candidate) => candidate.kind === 'attribute' && candidate.name.name === name);
  assert.ok(item?.kind === 'attribute', `attribute ${name}`);
  return item;
}

function expressionOf(text: string, name = 'a'): HclExpression {
  const expression = attribute(text, name).expression;
  assert.ok(expression !== undefined);
  return expression;
}

function templateOf(text: string, name = 'a'): HclTemplate {
  const expression = expressionOf(text, name);
  assert.equal(expression.kind, 'template');
  return expression as HclTemplate;
}

function source(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('HCL parser: bodies', () => {
  test('attributes with literals carry exact spans', () => {
    const text = 'count = 2\nenabled = true\nnothing = null\nratio = 1.5e2\n';
    const items = clean(text).file.body.items as HclAttribute[];
    assert.deepEqual(
      items.map((item) => item.name.name),
      ['count', 'enabled', 'nothing', 'ratio'],
    );
    assert.deepEqual(
      items.map((item) => (item.expression?.kind === 'literal' ? item.expression.value : undefined)),
      [2, true, null, 150],
    );
    assert.equal(source(text, items[0].span), 'count = 2');
    assert.equal(source(text, items[3].expression?.span ?? { start: 0, end: 0 }), '1.5e2');
  });

  test('blocks with quoted and bare labels, nested blocks and one-line blocks', () => {
    const text =
      'resource "azurerm_api_management" "apim" {\n  name = "x"\n  identity {\n    type = "SystemAssigned"\n  }\n  lifecycle { ignore_changes = [tags] }\n}\nlabelled bare_label {}\n';
    const [resource, bare] = clean(text).file.body.items as HclBlock[];
    assert.equal(resource.type.name, 'resource');
    assert.deepEqual(
      resource.labels.map((label) => [label.value, label.quoted, source(text, label.span)]),
      [
        ['azurerm_api_management', true, '"azurerm_api_management"'],
        ['apim', true, '"apim"'],
      ],
    );
    assert.equal(source(text, resource.span), text.slice(0, text.indexOf('}\nlabelled') + 1));
    assert.deepEqual(
      resource.body.items.map((item) => (item.kind === 'block' ? `block ${item.type.name}` : item.name.name)),
      ['name', 'block identity', 'block lifecycle'],
    );
    const lifecycle = resource.body.items[2] as HclBlock;
    assert.equal(source(text, lifecycle.bodySpan), '{ ignore_changes = [tags] }');
    assert.deepEqual(
      bare.labels.map((label) => [label.value, label.quoted]),
      [['bare_label', false]],
    );
    assert.ok(bare.closed);
  });

  test('comments of all three kinds are trivia', () => {
    const text = '# hash\n// slashes\n/* block\n   comment */ a = 1 # trailing\nb = /* inline */ 2 // trailing\n';
    const items = clean(text).file.body.items as HclAttribute[];
    assert.deepEqual(
      items.map((item) => item.name.name),
      ['a', 'b'],
    );
    assert.equal(source(text, items[1].span), 'b = /* inline */ 2');
  });
});

describe('HCL parser: strings and templates', () => {
  test('escapes decode and map back to the characters that wrote them', () => {
    const text = 'a = "q\\"\\\\ \\n\\u00e9\\U0001F642 $${x} %%{y} $$ %"\n';
    const template = templateOf(text);
    const literal = template.literal;
    assert.ok(literal !== undefined);
    assert.equal(literal.value, 'q"\\ \né\u{1F642} ${x} %{y} $$ %');
    assert.equal(source(text, literal.sourceSpan), text.slice(5, text.length - 2));
    const escapedQuote = literal.value.indexOf('"');
    assert.equal(source(text, valueSpanToSource(literal, { start: escapedQuote, end: escapedQuote + 1 })), '\\"');
    const dollar = literal.value.indexOf('${x}');
    assert.equal(source(text, valueSpanToSource(literal, { start: dollar, end: dollar + 4 })), '$${x}');
    const emoji = literal.value.indexOf('\u{1F642}');
    assert.equal(source(text, valueSpanToSource(literal, { start: emoji, end: emoji + 2 })), '\\U0001F642');
    const plain = literal.value.indexOf('x}');
    assert.equal(valueOffsetToSource(literal, plain), text.indexOf('x}'));
  });

  test('interpolations and directives split the template into parts', () => {
    const text = 'a = "https://${var.host}:%{ if var.tls }443%{ else }80%{ endif }/x"\n';
    const template = templateOf(text);
    assert.equal(template.literal, undefined);
    assert.deepEqual(
      template.parts.map((part) =>
        part.kind === 'literal' ? `text ${part.text.value}` : part.kind === 'interpolation' ? `hole ${source(text, part.span)}` : `directive ${part.keyword}`,
      ),
      ['text https://', 'hole ${var.host}', 'text :', 'directive if', 'text 443', 'directive else', 'text 80', 'directive endif', 'text /x'],
    );
    const hole = template.parts[1];
    assert.ok(hole.kind === 'interpolation' && hole.expression?.kind === 'get-attribute');
    assert.equal(source(text, hole.expression.span), 'var.host');
    const strip = templateOf('a = "${~ x ~}"\n');
    assert.equal(strip.parts[0].kind, 'interpolation');
  });

  test('a heredoc keeps its text verbatim, backslashes included, through the closing marker', () => {
    const text = 'a = <<EOT\n<policies>\n  <x a="\\n" />\n</policies>\n  EOT\nb = 1\n';
    const template = templateOf(text);
    assert.deepEqual(template.heredoc, { marker: 'EOT', flush: false });
    assert.equal(template.literal?.value, '<policies>\n  <x a="\\n" />\n</policies>\n');
    assert.equal(source(text, template.span), text.slice(4, text.indexOf('EOT\nb') + 3));
    assert.equal(attribute(text, 'b').expression?.kind, 'literal');
  });

  test('a flush heredoc removes the smallest indentation of its non-blank lines and maps offsets past it', () => {
    const text = 'a = <<-XML\n    <policies>\n\n      <inbound />\n    </policies>\n    XML\n';
    const template = templateOf(text);
    const literal = template.literal;
    assert.ok(literal !== undefined);
    assert.equal(literal.value, '<policies>\n\n  <inbound />\n</policies>\n');
    const inbound = literal.value.indexOf('<inbound');
    assert.equal(source(text, valueSpanToSource(literal, { start: inbound, end: inbound + 8 })), '<inbound');
    assert.equal(valueOffsetToSource(literal, 0), text.indexOf('<policies>'));
  });

  test('a flush heredoc line that starts with an interpolation keeps every indentation', () => {
    const template = templateOf('a = <<-EOT\n    x\n${y}\n    EOT\n');
    assert.deepEqual(
      template.parts.map((part) => (part.kind === 'literal' ? part.text.value : 'hole')),
      ['    x\n', 'hole', '\n'],
    );
  });

  test('heredoc escapes $${ and %%{, and holes that span lines', () => {
    const template = templateOf('a = <<EOT\n$${a} %%{b} ${join(",",\n  ["x"])} end\nEOT\n');
    assert.deepEqual(
      template.parts.map((part) => (part.kind === 'literal' ? part.text.value : part.kind)),
      ['${a} %{b} ', 'interpolation', ' end\n'],
    );
  });
});

describe('HCL parser: expressions', () => {
  test('tuples and objects with every separator', () => {
    const text = 'a = {\n  name = "x", other: [1, 2,\n  3,]\n  "quoted key" = { nested = true }\n  (var.k) = 1\n}\n';
    const object = expressionOf(text);
    assert.ok(object.kind === 'object');
    assert.deepEqual(
      object.items.map((item) => item.keyName),
      ['name', 'other', 'quoted key', undefined],
    );
    const tuple = object.items[1].value;
    assert.ok(tuple?.kind === 'tuple');
    assert.equal(tuple.items.length, 3);
    assert.equal(source(text, object.items[0].span), 'name = "x"');
  });

  test('traversals: attributes, indexes, legacy indexes and splats', () => {
    const text = 'a = azurerm_api_management.apim[0].identity.0.principal_id\nb = x.*.id\nc = x[*].id\n';
    const a = expressionOf(text, 'a');
    assert.ok(a.kind === 'get-attribute' && a.name?.name === 'principal_id');
    assert.ok(a.base.kind === 'index' && a.base.index?.kind === 'literal' && a.base.index.value === 0);
    assert.equal(source(text, a.span), 'azurerm_api_management.apim[0].identity.0.principal_id');
    const b = expressionOf(text, 'b');
    assert.ok(b.kind === 'get-attribute' && b.base.kind === 'splat' && !b.base.full);
    const c = expressionOf(text, 'c');
    assert.ok(c.kind === 'get-attribute' && c.base.kind === 'splat' && c.base.full);
  });

  test('function calls, expansion and provider functions', () => {
    const text = 'a = merge(local.a, [for x in y : x]...)\nb = provider::azurerm::normalise_resource_id("x")\nc = file("${path.module}/policy.xml")\n';
    const a = expressionOf(text, 'a');
    assert.ok(a.kind === 'call' && a.name.name === 'merge' && a.expandFinal && a.args.length === 2);
    const b = expressionOf(text, 'b');
    assert.ok(b.kind === 'call' && b.name.name === 'provider::azurerm::normalise_resource_id');
    const c = expressionOf(text, 'c');
    assert.ok(c.kind === 'call' && c.args[0].kind === 'template');
  });

  test('for expressions over tuples and objects, with conditions and grouping', () => {
    const text = 'a = [for i, v in var.list : upper(v) if v != ""]\nb = {\n  for k, v in var.map :\n  k => v...\n  if v != null\n}\n';
    const a = expressionOf(text, 'a');
    assert.ok(a.kind === 'for' && !a.object && a.keyVariable?.name === 'i' && a.valueVariable?.name === 'v' && a.condition?.kind === 'binary');
    const b = expressionOf(text, 'b');
    assert.ok(b.kind === 'for' && b.object && b.key?.kind === 'variable' && b.closed);
  });

  test('operators follow HCL precedence, the conditional binds loosest', () => {
    const text = 'a = !x || y && 1 + 2 * 3 >= -4 ? "p" : "q"\n';
    const a = expressionOf(text);
    assert.ok(a.kind === 'conditional');
    const condition = a.condition;
    assert.ok(condition.kind === 'binary' && condition.operator === '||');
    assert.ok(condition.left.kind === 'unary' && condition.left.operator === '!');
    const and = condition.right;
    assert.ok(and?.kind === 'binary' && and.operator === '&&');
    const compare = and.right;
    assert.ok(compare?.kind === 'binary' && compare.operator === '>=');
    assert.ok(compare.left.kind === 'binary' && compare.left.operator === '+');
    assert.ok(compare.left.right?.kind === 'binary' && compare.left.right.operator === '*');
  });

  test('newlines are insignificant inside brackets and parentheses', () => {
    const a = expressionOf('a = (\n  var.x\n  ? 1\n  : 2\n)\n');
    assert.ok(a.kind === 'parenthesized' && a.expression?.kind === 'conditional');
  });
});

describe('HCL parser: half-typed files', () => {
  function codes(text: string): string[] {
    return parseHcl(text).findings.map((finding) => finding.code);
  }

  test('an unclosed block reports its brace and keeps what it holds', () => {
    const text = 'resource "x" "y" {\n  name = "a"\n';
    const result = parseHcl(text);
    assert.deepEqual(
      result.findings.map((finding) => [finding.code, source(text, finding.span)]),
      [['hcl-unclosed-bracket', '{']],
    );
    const block = result.file.body.items[0] as HclBlock;
    assert.equal(block.body.items.length, 1);
  });

  test('a missing value, an unterminated string and an invalid escape each get a finding and the next line parses', () => {
    assert.deepEqual(codes('a =\nb = 1\n'), ['hcl-missing-expression']);
    const unterminated = parseHcl('a = "abc\nb = 1\n');
    assert.deepEqual(
      unterminated.findings.map((finding) => finding.code),
      ['hcl-unterminated-string'],
    );
    assert.equal(unterminated.file.body.items.length, 2);
    assert.deepEqual(codes('a = "\\q"\n'), ['hcl-invalid-escape']);
  });

  test('an unclosed bracket stops at the next attribute line', () => {
    const result = parseHcl('resource "x" "y" {\n  tags = merge(var.tags,\n  name = "a"\n}\n');
    assert.deepEqual(
      result.findings.map((finding) => finding.code),
      ['hcl-unclosed-bracket'],
    );
    const block = result.file.body.items[0] as HclBlock;
    assert.deepEqual(
      block.body.items.map((item) => (item.kind === 'attribute' ? item.name.name : item.type.name)),
      ['tags', 'name'],
    );
    assert.ok(block.closed);
  });

  test('an unterminated heredoc and comment run to the end with one finding each', () => {
    assert.deepEqual(codes('a = <<EOT\nabc\n'), ['hcl-unterminated-heredoc']);
    assert.deepEqual(codes('a = 1 /* open\n'), ['hcl-unterminated-comment']);
  });

  test('stray characters and braces are reported, not thrown', () => {
    assert.deepEqual(codes('@ = 1\n}\nresource "x" oops\n'), ['hcl-unexpected-character', 'hcl-unexpected-token', 'hcl-unexpected-token']);
  });
});
