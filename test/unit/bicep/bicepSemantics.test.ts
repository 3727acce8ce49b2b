import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createBicepScope, evaluateBicepValue } from '../../../server/src/engine/templates/bicep/bicepEvaluation';
import { bicepFileReference } from '../../../server/src/engine/templates/bicep/bicepFileReferences';
import { bicepPropertyAtPath } from '../../support/bicepPaths';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import { collectBicepResources } from '../../../server/src/engine/templates/bicep/bicepResources';
import type { BicepExpression } from '../../../server/src/engine/templates/bicep/bicepSyntax';
import { FIXTURES } from '../../support/paths';

const text = readFileSync(join(FIXTURES, 'bicep', 'apim-full.bicep'), 'utf8');
const { file } = parseBicep(text);
const resources = collectBicepResources(file);
const scope = createBicepScope(file);

function variable(name: string): BicepExpression | undefined {
  const found = file.declarations.find((declaration) => declaration.kind === 'var' && declaration.name?.name === name);
  return found?.kind === 'var' ? found.value : undefined;
}

function evaluateVariable(name: string): unknown {
  const result = evaluateBicepValue(variable(name), scope);
  return result.known ? result.value : 'UNKNOWN';
}

describe('bicep resources', () => {
  test('full types, API versions and parents through nesting, parent: and ::', () => {
    assert.deepEqual(
      resources.map((resource) => [resource.symbolicName, resource.type, resource.apiVersion, resource.parent?.symbolicName, resource.parentLink]),
      [
        ['apim', 'Microsoft.ApiManagement/service', '2023-05-01-preview', undefined, undefined],
        ['echoApi', 'Microsoft.ApiManagement/service/apis', '2023-05-01-preview', 'apim', 'nested'],
        ['getOperation', 'Microsoft.ApiManagement/service/apis/operations', '2023-05-01-preview', 'echoApi', 'nested'],
        ['operationPolicy', 'Microsoft.ApiManagement/service/apis/operations/policies', '2023-05-01-preview', 'getOperation', 'nested'],
        ['apiPolicy', 'Microsoft.ApiManagement/service/apis/policies', '2023-05-01-preview', 'echoApi', 'nested'],
        ['servicePolicy', 'Microsoft.ApiManagement/service/policies', '2023-05-01-preview', 'apim', 'parent-property'],
        ['productPolicy', 'Microsoft.ApiManagement/service/products/policies', '2023-05-01-preview', 'product', 'parent-property'],
        ['product', 'Microsoft.ApiManagement/service/products', '2023-05-01-preview', 'apim', 'parent-property'],
        ['echoApiTag', 'Microsoft.ApiManagement/service/apis/tags', '2023-05-01-preview', 'echoApi', 'parent-property'],
        ['apimNamedValues', 'Microsoft.ApiManagement/service/namedValues', '2023-05-01-preview', 'apim', 'parent-property'],
        ['logger', 'Microsoft.ApiManagement/service/loggers', '2023-05-01-preview', 'apim', 'parent-property'],
        ['existingKeyVault', 'Microsoft.KeyVault/vaults', '2023-07-01', undefined, undefined],
      ],
    );
  });

  test('existing, conditions, loops, bodies and name expressions', () => {
    const byName = new Map(resources.map((resource) => [resource.symbolicName, resource]));
    assert.equal(byName.get('existingKeyVault')?.existing, true);
    assert.equal(byName.get('apim')?.existing, false);
    const productPolicy = byName.get('productPolicy');
    assert.equal(
      productPolicy?.condition === undefined ? '' : text.slice(productPolicy.condition.span.start, productPolicy.condition.span.end),
      "environment == 'prod'",
    );
    const namedValues = byName.get('apimNamedValues');
    assert.equal(namedValues?.loop?.item?.name, 'nv');
    assert.ok(namedValues?.condition !== undefined);
    assert.ok(namedValues?.body !== undefined && bicepPropertyAtPath(namedValues.body, ['properties', 'secret']) !== undefined);
    const product = byName.get('product');
    assert.deepEqual(evaluateBicepValue(product?.nameExpression, scope), { known: true, value: 'starter-prod' });
    assert.deepEqual(evaluateBicepValue(byName.get('apim')?.nameExpression, scope), { known: false });
  });

  test('loadTextContent in a nested operation policy is found with its path', () => {
    const policy = resources.find((resource) => resource.symbolicName === 'operationPolicy');
    assert.ok(policy?.body !== undefined);
    const value = bicepPropertyAtPath(policy.body, ['properties', 'value'])?.value;
    const reference = bicepFileReference(value, scope);
    assert.equal(reference?.functionName, 'loadTextContent');
    assert.equal(reference?.path, 'operation-policy.xml');
    assert.equal(reference?.pathSpan === undefined ? '' : text.slice(reference.pathSpan.start, reference.pathSpan.end), "'operation-policy.xml'");
    assert.equal(bicepFileReference(variable('joined'), scope), undefined);
  });

  test('parent cycles and unknown parents in bad input stay finite and unresolved', () => {
    const source = "resource a 'apis@1' = {\n  parent: b\n}\nresource b 'apis@1' = {\n  parent: a\n}\nresource c 'Microsoft.X/y/z@1' = {\n  parent: missing\n}";
    const found = collectBicepResources(parseBicep(source).file);
    assert.deepEqual(
      found.map((resource) => [resource.symbolicName, resource.type, resource.parent?.symbolicName]),
      [
        ['a', undefined, 'b'],
        ['b', undefined, 'a'],
        ['c', 'Microsoft.X/y/z', undefined],
      ],
    );
  });
});

describe('bicep static evaluation', () => {
  test('literals, escapes, defaults, interpolation, format, concat, toLower', () => {
    assert.equal(evaluateVariable('quoted'), "it's a \\ backslash, a tab\tand a dollar ${not interpolated}");
    assert.equal(evaluateVariable('unicode'), 'smile \u{1F642} done');
    assert.equal(evaluateVariable('apimName'), 'UNKNOWN'); // a user function: never guessed
    assert.equal(evaluateVariable('joined'), 'abc');
    assert.equal(evaluateVariable('nestedInterpolation'), 'outer-inner-prod-end');
    assert.deepEqual(evaluateVariable('tags'), 'UNKNOWN'); // spread of an import
    assert.equal(evaluateVariable('firstZone'), '1');
    assert.equal(evaluateVariable('arithmetic'), 'UNKNOWN');
    assert.equal(evaluateVariable('isProd'), true);
  });

  test('values from a small template, supplied parameters and locals', () => {
    const source = [
      "param env string = 'Dev'",
      'param count int = 3',
      'param noDefault string',
      "var name = toLower('APIM-${env}-${count}')",
      "var formatted = format('{0}/{1}-{{x}}', name, count)",
      "var settings = { tier: 'Premium', zones: [ '1', '2' ] }",
      'var zone = settings.zones[1]',
      'var tier = settings.?missing ?? settings.tier',
      "var selected = env == 'Dev' ? 'a' : 'b'",
      "var logic = env =~ 'DEV' && !(count != 3) || false",
      'var sum = count + 1',
      'var cycleA = cycleB',
      'var cycleB = cycleA',
      'var fromNoDefault = noDefault',
      "var spec = format('{0:N}', count)",
      "var sysConcat = sys.concat('x', 'y')",
      "var mixed = concat('a', 1)",
      'var arrays = concat([1], [2, 3])',
      'var upper = toUpper(env)',
      "var loopy = '${env}-${i}'",
    ].join('\n');
    const parsed = parseBicep(source).file;
    const localScope = createBicepScope(parsed);
    const evaluate = (name: string, withScope = localScope): unknown => {
      const found = parsed.declarations.find((declaration) => declaration.kind === 'var' && declaration.name?.name === name);
      const result = evaluateBicepValue(found?.kind === 'var' ? found.value : undefined, withScope);
      return result.known ? result.value : 'UNKNOWN';
    };
    assert.equal(evaluate('name'), 'apim-dev-3');
    assert.equal(evaluate('formatted'), 'apim-dev-3/3-{x}');
    assert.equal(evaluate('zone'), '2');
    assert.equal(evaluate('tier'), 'Premium');
    assert.equal(evaluate('selected'), 'a');
    assert.equal(evaluate('logic'), true);
    assert.equal(evaluate('sum'), 'UNKNOWN'); // arithmetic is not evaluated
    assert.equal(evaluate('cycleA'), 'UNKNOWN');
    assert.equal(evaluate('fromNoDefault'), 'UNKNOWN');
    assert.equal(evaluate('spec'), 'UNKNOWN');
    assert.equal(evaluate('sysConcat'), 'xy');
    assert.equal(evaluate('mixed'), 'UNKNOWN');
    assert.deepEqual(evaluate('arrays'), [1, 2, 3]);
    assert.equal(evaluate('upper'), 'DEV');
    assert.equal(evaluate('loopy'), 'UNKNOWN');
    const supplied = createBicepScope(
      parsed,
      new Map([
        ['env', { known: true, value: 'Prod' }],
        ['noDefault', { known: true, value: 'given' }],
      ]),
    );
    assert.equal(evaluate('name', supplied), 'apim-prod-3');
    assert.equal(evaluate('fromNoDefault', supplied), 'given');
    // A loop variable named like a parameter hides it.
    assert.equal(evaluate('upper', { ...localScope, locals: new Set(['env']) }), 'UNKNOWN');
  });
});
