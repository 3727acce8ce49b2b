import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import type { BicepDeclaration, BicepExpression, BicepFile, BicepType } from '../../../server/src/engine/templates/bicep/bicepSyntax';

/** Parses a snippet that the Bicep compiler accepts: it must give no findings. */
function parseValid(
  text: string,
  fileKind: 'template' | 'parameters' = 'template',
): { file: BicepFile; slice: (span: { start: number; end: number } | undefined) => string } {
  const { file, findings } = parseBicep(text, { fileKind });
  assert.deepEqual(
    findings.map((finding) => `${finding.code} ${finding.message} @${finding.span.start}`),
    [],
  );
  return {
    file,
    slice: (span) => {
      assert.ok(span !== undefined);
      return text.slice(span.start, span.end);
    },
  };
}

function only(file: BicepFile, kind: BicepDeclaration['kind']): BicepDeclaration {
  const found = file.declarations.filter((declaration) => declaration.kind === kind);
  assert.equal(found.length, 1, kind);
  return found[0];
}

function valueIn(declaration: BicepDeclaration): BicepExpression {
  assert.ok('value' in declaration && declaration.value !== undefined && !('kind' in declaration.value && declaration.value.kind.startsWith('type')));
  return declaration.value as BicepExpression;
}

function typeOf(declaration: BicepDeclaration): BicepType {
  assert.ok(declaration.kind === 'param' || declaration.kind === 'type' || declaration.kind === 'output' || declaration.kind === 'var');
  const type = declaration.kind === 'type' ? declaration.value : declaration.type;
  assert.ok(type !== undefined);
  return type;
}

function findingsOf(text: string, fileKind: 'template' | 'parameters' = 'template'): string[] {
  return parseBicep(text, { fileKind }).findings.map((finding) => `${finding.code} ${text.slice(finding.span.start, finding.span.end)}`);
}

describe('bicep grammar: loops', () => {
  test("a for expression whose '[' is followed by a line break, in a resource, a variable and an output", () => {
    const text = [
      "resource apis 'Microsoft.ApiManagement/service/apis@2024-05-01' = [",
      '  for (api, index) in (apis ?? []): if (length(apis) > 0) {',
      '    name: api.name',
      '  }',
      ']',
      'var names = [',
      '  for item in items: item.name',
      ']',
      'output ids array = [',
      '  for (item, i) in items: {',
      '    id: i',
      '  }',
      ']',
    ].join('\n');
    const { file, slice } = parseValid(text);
    const resource = only(file, 'resource');
    const loop = valueIn(resource);
    assert.ok(loop.kind === 'for');
    assert.deepEqual([loop.item?.name, loop.index?.name, slice(loop.iterable?.span)], ['api', 'index', '(apis ?? [])']);
    assert.equal(loop.body?.kind, 'if');
    assert.equal(loop.closed, true);
    assert.equal(valueIn(only(file, 'var')).kind, 'for');
    assert.equal(valueIn(only(file, 'output')).kind, 'for');
  });
});

describe('bicep grammar: declarations', () => {
  test("a line break between '=' and 'if' in a conditional resource and module", () => {
    const text =
      "resource r 'Microsoft.ApiManagement/service@2024-05-01' =\n  if (deploy) {\n  name: 'x'\n}\nmodule m './m.bicep' =\n  if (deploy) {\n  name: 'm'\n}";
    const { file } = parseValid(text);
    assert.equal(valueIn(only(file, 'resource')).kind, 'if');
    assert.equal(valueIn(only(file, 'module')).kind, 'if');
  });

  test('existing resources, nested resources and the :: accessor', () => {
    const text =
      "resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {\n  name: 'x'\n  resource api 'apis' existing = {\n    name: 'echo'\n  }\n}\noutput id string = apim::api.id";
    const { file } = parseValid(text);
    const apim = only(file, 'resource');
    assert.ok(apim.kind === 'resource' && apim.existing);
    const body = valueIn(apim);
    assert.ok(body.kind === 'object' && body.members[1].kind === 'resource' && body.members[1].existing);
  });

  test('targetScope, metadata, extension (string and name forms), assert and test declarations', () => {
    const text = [
      "targetScope = 'subscription'",
      "metadata description = 'APIM'",
      "extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph",
      'extension microsoftGraphV1',
      "extension kubernetes with {\n  namespace: 'default'\n  kubeConfig: ''\n} as k8s",
      'assert nameIsShort = length(name) < 20',
      "test apimTest 'main.bicep' = {\n  params: {\n    name: 'x'\n  }\n}",
    ].join('\n');
    const { file } = parseValid(text);
    assert.deepEqual(
      file.declarations.map((declaration) => declaration.kind),
      ['targetScope', 'metadata', 'import', 'import', 'import', 'assert', 'test'],
    );
    assert.deepEqual(
      file.declarations.filter((declaration) => declaration.kind === 'import').map((declaration) => declaration.kind === 'import' && declaration.keyword),
      ['extension', 'extension', 'extension'],
    );
  });

  test('imports: named with aliases across lines without commas, wildcard, and @export on types, variables and functions', () => {
    const text = [
      'import {',
      '  tagSet',
      '  skuName as apimSku, other',
      "} from 'types.bicep'",
      "import * as shared from 'shared.bicep'",
      '@export()',
      "type sku = 'Premium' | 'StandardV2'",
      '@export()',
      "var prefix = 'apim'",
      '@export()',
      "func name(env string) string => '${prefix}-${env}'",
    ].join('\n');
    const { file } = parseValid(text);
    const [named, wildcard] = file.declarations;
    assert.ok(named.kind === 'import' && wildcard.kind === 'import');
    assert.deepEqual(
      named.symbols.map((symbol) => `${symbol.name.name}${symbol.alias ? ` as ${symbol.alias.name}` : ''}`),
      ['tagSet', 'skuName as apimSku', 'other'],
    );
    assert.equal(wildcard.wildcardAlias?.name, 'shared');
    assert.deepEqual(
      file.declarations.slice(2).map((declaration) => declaration.decorators.length),
      [1, 1, 1],
    );
  });

  test('decorators on every declaration kind, including namespaced and multi-line ones', () => {
    const text = [
      "@description('p')\n@sys.minLength(1)\nparam p string",
      "@description('v')\nvar v = 1",
      "@batchSize(1)\n@description('''\nmulti\n''')\nresource r 'Microsoft.ApiManagement/service@2024-05-01' = {\n  name: 'x'\n}",
      "@description('m')\nmodule m './m.bicep' = {\n  name: 'm'\n}",
      "@secure()\noutput o string = 'x'",
      "@sealed()\ntype t = {\n  @description('k')\n  k: string\n}",
      "@description('f')\nfunc f() int => 1",
      "@discriminator('kind')\ntype d = {kind: 'a'} | {kind: 'b'}",
      "@metadata({\n  owner: 'x'\n})\nparam q int = 1",
    ].join('\n');
    const { file } = parseValid(text);
    assert.deepEqual(
      file.declarations.map((declaration) => `${declaration.kind}:${declaration.decorators.length}`),
      ['param:2', 'var:1', 'resource:2', 'module:1', 'output:1', 'type:1', 'func:1', 'type:1', 'param:1'],
    );
  });

  test('pragmas: #disable-next-line and #disable-diagnostics / #restore-diagnostics are kept as directives', () => {
    const text =
      "#disable-next-line no-unused-params\nparam p string\n#disable-diagnostics BCP081 no-hardcoded-env-urls\nvar u = 'https://management.azure.com'\n#restore-diagnostics BCP081\nvar w = 1";
    const { file, slice } = parseValid(text);
    assert.deepEqual(
      file.comments.map((comment) => `${comment.kind} ${slice(comment)}`),
      ['directive #disable-next-line no-unused-params', 'directive #disable-diagnostics BCP081 no-hardcoded-env-urls', 'directive #restore-diagnostics BCP081'],
    );
  });
});

describe('bicep grammar: types', () => {
  test("resource-derived types: resourceInput<'Type@version'>.properties..., resourceOutput and sys.resourceInput", () => {
    const text = [
      "param credentials resourceInput<'Microsoft.ApiManagement/service/backends@2024-05-01'>.properties.credentials?",
      "param items resourceOutput<'Microsoft.ApiManagement/service@2024-05-01'>.properties.hostnameConfigurations[*]",
      "type t = { name: sys.resourceInput<'Microsoft.Storage/storageAccounts@2022-09-01'>.name }",
    ].join('\n');
    const { file, slice } = parseValid(text);
    const credentials = typeOf(file.declarations[0]);
    assert.ok(credentials.kind === 'type-nullable' && credentials.type.kind === 'type-property-access');
    assert.equal(credentials.type.name?.name, 'credentials');
    const properties = credentials.type.base;
    assert.ok(properties.kind === 'type-property-access' && properties.base.kind === 'type-parameterized');
    assert.equal(properties.base.name.name, 'resourceInput');
    assert.deepEqual(
      properties.base.arguments.map((argument) => slice(argument.span)),
      ["'Microsoft.ApiManagement/service/backends@2024-05-01'"],
    );
    const items = typeOf(file.declarations[1]);
    assert.ok(items.kind === 'type-index-access' && items.wildcard);
  });

  test("unions over several lines with a leading '|', in a type and a param", () => {
    const text = "type tier =\n  | 'Developer'\n  | 'Premium'\n  // a comment between members\n  | 'StandardV2'\nparam sku\n  | 'a'\n  | 'b' = 'a'";
    const { file, slice } = parseValid(text);
    const tier = typeOf(file.declarations[0]);
    assert.ok(tier.kind === 'type-union');
    assert.deepEqual(
      tier.members.map((member) => slice(member.span)),
      ["'Developer'", "'Premium'", "'StandardV2'"],
    );
    const sku = file.declarations[1];
    assert.ok(sku.kind === 'param' && sku.type?.kind === 'type-union' && sku.defaultValue !== undefined);
  });

  test('objects, nullable, arrays, tuples with decorated items, literal types and type member access', () => {
    const text = [
      'type settings = {',
      '  name: string',
      '  count: int?',
      '  tags: { *: string }',
      '  pair: [',
      "    @description('first')",
      '    string',
      '    int',
      '  ]',
      "  mixed: ('a' | -1 | !true | null)[]",
      '}',
      'type nameOnly = settings.name',
      'type firstOfPair = settings.pair[0]',
      'type tagValue = settings.tags.*',
      'type strict = settings!',
    ].join('\n');
    const { file } = parseValid(text);
    const settings = typeOf(file.declarations[0]);
    assert.ok(settings.kind === 'type-object');
    assert.deepEqual(
      settings.properties.map((property) => property.type?.kind),
      ['type-reference', 'type-nullable', 'type-object', 'type-tuple', 'type-array'],
    );
    assert.equal(typeOf(file.declarations[2]).kind, 'type-index-access');
    assert.equal(typeOf(file.declarations[3]).kind, 'type-property-access');
    assert.equal(typeOf(file.declarations[4]).kind, 'type-non-nullable');
  });

  test('discriminated unions and typed variables', () => {
    const text =
      "@discriminator('type')\ntype backend = {\n  type: 'url'\n  url: string\n} | {\n  type: 'function'\n  functionId: string\n}\nvar names string[] = ['a']";
    const { file } = parseValid(text);
    assert.equal(typeOf(file.declarations[0]).kind, 'type-union');
    assert.equal(typeOf(file.declarations[1]).kind, 'type-array');
  });

  test('resource-typed parameters and outputs', () => {
    const text = "param apim resource 'Microsoft.ApiManagement/service@2024-05-01'\noutput o resource 'Microsoft.ApiManagement/service@2024-05-01' = apim";
    const { file } = parseValid(text);
    assert.equal(typeOf(file.declarations[0]).kind, 'type-resource');
  });
});

describe('bicep grammar: expressions', () => {
  test('functions and lambdas, with the body on the next line', () => {
    const text =
      "func greet(name string, count int) string =>\n  '${name}${count}'\nvar upper = map(items, item =>\n  toUpper(item))\nvar sum = reduce(items, 0, (total, item) => total + item)\nvar none = sort(items, () => true)";
    const { file } = parseValid(text);
    const func = only(file, 'func');
    assert.ok(func.kind === 'func' && func.body?.kind === 'string');
    assert.deepEqual(
      func.parameters.map((parameter) => parameter.name.name),
      ['name', 'count'],
    );
  });

  test('.?, [?], ??, the ! assertion, [^] from the end, unary + and spread in objects and arrays', () => {
    const text =
      "var a = settings.?name ?? 'none'\nvar b = settings[?'key']!\nvar c = items[^1]\nvar d = items[?^1]\nvar e = +1\nvar f = {\n  ...base\n  extra: true\n}\nvar g = [\n  ...items\n  'last'\n]";
    const { file } = parseValid(text);
    const [a, b, c, d, e, f, g] = file.declarations.map(valueIn);
    assert.ok(a.kind === 'binary' && a.operator === '??' && a.left.kind === 'property-access' && a.left.operator === '.?');
    assert.ok(b.kind === 'non-null' && b.expression.kind === 'index-access' && b.expression.safe);
    assert.ok(c.kind === 'index-access' && c.fromEnd && !c.safe);
    assert.ok(d.kind === 'index-access' && d.fromEnd && d.safe);
    assert.ok(e.kind === 'unary' && e.operator === '+');
    assert.ok(f.kind === 'object' && f.members[0].kind === 'spread');
    assert.ok(g.kind === 'array' && g.items[0].kind === 'spread');
  });

  test("multi-line ''' strings, verbatim, and interpolated $''' strings", () => {
    const text = "var raw = '''\n<policies>${notAHole}</policies>\n'''\nvar hole = $'''\nname: ${name}\n'''\nvar twice = $$'''\n${literal} $${toUpper(x)}\n'''";
    const { file } = parseValid(text);
    const [raw, hole, twice] = file.declarations.map(valueIn);
    assert.ok(raw.kind === 'string' && raw.multiline && raw.value === '<policies>${notAHole}</policies>\n');
    assert.ok(hole.kind === 'string' && hole.multiline && hole.value === undefined);
    assert.deepEqual(
      hole.segments.map((segment) => segment.value),
      ['name: ', '\n'],
    );
    assert.ok(twice.kind === 'string');
    assert.deepEqual(
      twice.segments.map((segment) => segment.value),
      ['${literal} ', '\n'],
    );
    assert.ok(twice.interpolations[0].expression?.kind === 'call');
  });

  test('interpolation nested in any expression', () => {
    const text = "var s = 'a${b ? 'x${c[0]}y' : {k: '${d}'}.k}e${f(g => '${g}')}'";
    const { file } = parseValid(text);
    const s = valueIn(file.declarations[0]);
    assert.ok(s.kind === 'string');
    assert.deepEqual(
      s.interpolations.map((interpolation) => interpolation.expression?.kind),
      ['ternary', 'call'],
    );
  });

  test('operators continue an expression on the next line; a ternary spans lines', () => {
    const text = "var x = a\n  && b\n  || c\nvar y = cond\n  ? 'a'\n  : 'b'";
    const { file } = parseValid(text);
    assert.deepEqual(
      file.declarations.map((declaration) => valueIn(declaration).kind),
      ['binary', 'ternary'],
    );
  });
});

describe('bicep grammar: parameters files', () => {
  test('using, param assignments, var, import and extends in a .bicepparam', () => {
    const text =
      "using './main.bicep'\n\nimport { shared } from 'types.bicep'\nvar prefix = 'apim'\nparam name = '${prefix}-prod'\nparam sku = 'Premium'\nparam capacity = 2\nparam settings = {\n  tls: false\n}";
    const { file, slice } = parseValid(text, 'parameters');
    assert.equal(file.fileKind, 'parameters');
    const using = file.declarations[0];
    assert.ok(using.kind === 'using' && using.keyword === 'using');
    assert.equal(using.path?.value, './main.bicep');
    const params = file.declarations.filter((declaration) => declaration.kind === 'param');
    assert.deepEqual(
      params.map((param) => param.kind === 'param' && `${param.name?.name}=${slice(param.defaultValue?.span)}`),
      ["name='${prefix}-prod'", "sku='Premium'", 'capacity=2', 'settings={\n  tls: false\n}'],
    );
    parseValid('using none\nparam a = 1', 'parameters');
    parseValid("using 'main.bicep' with {\n  mode: 'stack'\n}\nparam a = 1", 'parameters');
    parseValid("extends 'base.bicepparam'\nparam a = 1", 'parameters');
  });

  test('template-only declarations are reported once in a parameters file, and using in a template', () => {
    assert.deepEqual(findingsOf("using 'main.bicep'\nresource r 'T@1' = {}\nparam ok = 1", 'parameters'), ['bicep-unexpected-token resource']);
    assert.deepEqual(findingsOf("using 'main.bicep'\nparam ok string = 1"), ['bicep-unexpected-token using']);
  });
});

describe('bicep grammar: what it still cannot read gives one precise finding', () => {
  test('an unknown word before a declaration', () => {
    assert.deepEqual(findingsOf('foo bar = 1\nparam p string'), ['bicep-unexpected-token foo']);
  });

  test('a type argument list that is not closed', () => {
    assert.deepEqual(findingsOf("param p resourceInput<'Microsoft.X/y@1'\nparam q string"), ['bicep-unexpected-token ']);
  });

  test("a trailing '|' in a union", () => {
    assert.deepEqual(findingsOf("type t = 'a' |\nparam q string"), ['bicep-unexpected-token ']);
  });

  test('a loop missing its body and closing bracket stops at the next declaration', () => {
    assert.deepEqual(findingsOf('var x = [\n  for item in items:\nparam q string'), ['bicep-unclosed-bracket [', 'bicep-missing-expression ']);
  });
});
