import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import type { BicepDeclaration, BicepExpression, BicepObject } from '../../../server/src/engine/templates/bicep/bicepSyntax';
import { findBicepProperty } from '../../../server/src/engine/templates/bicep/bicepObjectAccess';
import { bicepPropertyAtPath } from '../../support/bicepPaths';
import { FIXTURES } from '../../support/paths';

const text = readFileSync(join(FIXTURES, 'bicep', 'apim-full.bicep'), 'utf8');
const { file, findings } = parseBicep(text);

function slice(range: { start: number; end: number } | undefined): string {
  assert.ok(range !== undefined);
  return text.slice(range.start, range.end);
}

function declaration(kind: BicepDeclaration['kind'], name?: string): BicepDeclaration {
  const found = file.declarations.find(
    (candidate) => candidate.kind === kind && (name === undefined || ('name' in candidate && candidate.name?.name === name)),
  );
  assert.ok(found, `${kind} ${name ?? ''}`);
  return found;
}

function valueIn(name: string): BicepExpression {
  const found = declaration('var', name);
  assert.equal(found.kind, 'var');
  assert.ok(found.kind === 'var' && found.value !== undefined);
  return found.value;
}

function lineOf(start: string): { start: number; end: number } {
  const at = text.indexOf(start);
  assert.ok(at >= 0, start);
  const end = text.indexOf('\n', at);
  return { start: at, end: end < 0 ? text.length : end };
}

describe('bicep parser on the full-syntax fixture', () => {
  test('parses with no findings and every declaration in order', () => {
    assert.deepEqual(findings, []);
    assert.deepEqual(
      file.declarations.map((item) => item.kind),
      [
        'targetScope',
        'metadata',
        'import',
        'import',
        'type',
        'type',
        'type',
        'type',
        'func',
        'param',
        'param',
        'param',
        'param',
        'param',
        'param',
        ...Array<string>(16).fill('var'),
        ...Array<string>(8).fill('resource'),
        'module',
        'module',
        'output',
        'output',
        'output',
        'output',
        'output',
      ],
    );
  });

  test('declaration spans run from the first decorator to the end of the value', () => {
    const location = declaration('param', 'location');
    assert.equal(slice(location.span), "@description('Deployment region')\nparam location string = resourceGroup().location");
    assert.equal(slice(location.keywordSpan), 'param');
    const capacity = declaration('param', 'capacity');
    assert.equal(capacity.decorators.length, 2);
    assert.deepEqual(
      capacity.decorators.map((decorator) => slice(decorator.span)),
      ['@minValue(1)', '@maxValue(10)'],
    );
    const environment = declaration('param', 'environment');
    assert.equal(slice(environment.decorators[0].span), "@allowed([\n  'dev'\n  'prod'\n])");
    assert.deepEqual(declaration('var', 'apimName').span, lineOf('var apimName'));
    assert.deepEqual(declaration('output', 'apimId').span, lineOf('output apimId'));
  });

  test('param types, defaults and a secure param without default', () => {
    const secure = declaration('param', 'publisherEmail');
    assert.ok(secure.kind === 'param');
    assert.equal(secure.defaultValue, undefined);
    assert.deepEqual(secure.type, {
      kind: 'type-reference',
      name: 'string',
      span: { start: text.indexOf('string', secure.span.start), end: text.indexOf('string', secure.span.start) + 6 },
    });
    const decorator = secure.decorators[0].expression;
    assert.ok(decorator.kind === 'call');
    assert.equal(decorator.name.name, 'secure');
    const namedValues = declaration('param', 'namedValues');
    assert.ok(namedValues.kind === 'param');
    assert.equal(namedValues.type?.kind, 'type-array');
    assert.equal(slice(namedValues.type?.span), 'namedValue[]');
    const zones = declaration('param', 'zones');
    assert.ok(zones.kind === 'param' && zones.defaultValue?.kind === 'ternary');
    assert.equal(slice(zones.defaultValue.condition.span), "environment == 'prod'");
    assert.equal(slice(zones.defaultValue.whenTrue?.span), "[ '1', '2', '3' ]");
  });

  test('user-defined types: object with decorators and additional properties, union, array, tuple', () => {
    const namedValue = declaration('type', 'namedValue');
    assert.ok(namedValue.kind === 'type' && namedValue.value?.kind === 'type-object');
    assert.deepEqual(
      namedValue.value.properties.map((property) => property.key),
      ['name', 'secret', 'keyVaultSecretId', '*'],
    );
    assert.equal(slice(namedValue.value.properties[0].span), '@minLength(1)\n  name: string');
    assert.equal(namedValue.value.properties[1].type?.kind, 'type-nullable');
    const tier = declaration('type', 'tier');
    assert.ok(tier.kind === 'type' && tier.value?.kind === 'type-union');
    assert.deepEqual(
      tier.value.members.map((member) => slice(member.span)),
      ["'Developer'", "'Premium'", "'StandardV2'"],
    );
    const pair = declaration('type', 'pair');
    assert.ok(pair.kind === 'type' && pair.value?.kind === 'type-tuple');
    assert.equal(pair.value.items.length, 2);
  });

  test('imports and functions', () => {
    const [named, wildcard] = file.declarations.filter((item) => item.kind === 'import');
    assert.ok(named.kind === 'import' && wildcard.kind === 'import');
    assert.deepEqual(
      named.symbols.map((symbol) => [symbol.name.name, symbol.alias?.name]),
      [
        ['tagSet', undefined],
        ['skuName', 'apimSku'],
      ],
    );
    assert.equal(named.source?.value, 'types.bicep');
    assert.equal(wildcard.wildcardAlias?.name, 'shared');
    assert.equal(wildcard.source?.value, 'shared.bicep');
    const func = declaration('func', 'apimResourceName');
    assert.ok(func.kind === 'func');
    assert.deepEqual(
      func.parameters.map((parameter) => [parameter.name.name, slice(parameter.span)]),
      [
        ['prefix', 'prefix string'],
        ['env', 'env string'],
      ],
    );
    assert.equal(slice(func.returnType?.span), 'string');
    assert.equal(slice(func.body?.span), "toLower('${prefix}-apim-${env}')");
    assert.equal(slice(func.decorators[0].span), '@export()');
  });

  test('expressions: lambdas, safe access, spread, operators and precedence', () => {
    const upper = valueIn('upperNames');
    assert.ok(upper.kind === 'call');
    const lambda = upper.args[1];
    assert.ok(lambda.kind === 'lambda');
    assert.deepEqual(
      lambda.parameters.map((parameter) => parameter.name),
      ['nv'],
    );
    assert.equal(slice(lambda.body?.span), 'toUpper(nv.name)');
    const pairs = valueIn('pairs');
    assert.ok(pairs.kind === 'call' && pairs.args[1].kind === 'lambda');
    assert.deepEqual(
      pairs.args[1].parameters.map((parameter) => parameter.name),
      ['entry', 'i'],
    );
    const firstZone = valueIn('firstZone');
    assert.ok(firstZone.kind === 'binary' && firstZone.operator === '??');
    assert.ok(firstZone.left.kind === 'index-access' && firstZone.left.safe);
    const maybeName = valueIn('maybeName');
    assert.ok(maybeName.kind === 'property-access' && maybeName.operator === '.?');
    const tags = valueIn('tags');
    assert.ok(tags.kind === 'object');
    assert.deepEqual(
      tags.members.map((member) => (member.kind === 'property' ? member.key : member.kind)),
      ['env', 'cost-center', 'spread'],
    );
    assert.equal(slice(tags.members[2].span), '...shared.commonTags');
    const arithmetic = valueIn('arithmetic');
    // ((capacity * 2 + 1) % 3) - (capacity / 1)
    assert.ok(arithmetic.kind === 'binary' && arithmetic.operator === '-');
    assert.equal(slice(arithmetic.left.span), '(capacity * 2 + 1) % 3');
    assert.equal(slice(arithmetic.right?.span), 'capacity / 1');
    const isProd = valueIn('isProd');
    assert.ok(isProd.kind === 'binary' && isProd.operator === '||');
    assert.ok(isProd.left.kind === 'unary' && isProd.left.operator === '!');
    const comparisons = valueIn('comparisons');
    assert.ok(comparisons.kind === 'binary' && comparisons.operator === '&&');
    const nested = valueIn('nestedInterpolation');
    assert.ok(nested.kind === 'string');
    const inner = nested.interpolations[0].expression;
    assert.ok(inner?.kind === 'string');
    assert.equal(slice(inner.span), "'inner-${environment}'");
  });

  test('resource declarations: type string, body, nested resources, conditions, loops and existing', () => {
    const apim = declaration('resource', 'apim');
    assert.ok(apim.kind === 'resource' && apim.value?.kind === 'object');
    assert.equal(apim.typeString?.value, 'Microsoft.ApiManagement/service@2023-05-01-preview');
    assert.equal(slice(apim.typeString?.contentSpan), 'Microsoft.ApiManagement/service@2023-05-01-preview');
    assert.equal(apim.span.start, text.indexOf("resource apim '"));
    assert.equal(apim.span.end, text.indexOf('\n}\n', text.indexOf("resource apim '")) + 2);
    const nested = apim.value.members.filter((member) => member.kind === 'resource');
    assert.deepEqual(
      nested.map((member) => (member.kind === 'resource' ? member.name?.name : '')),
      ['echoApi'],
    );
    const customProperties = bicepPropertyAtPath(apim.value, ['properties', 'customProperties']);
    assert.ok(customProperties?.value?.kind === 'object');
    const tls = customProperties.value.members[0];
    assert.ok(tls.kind === 'property');
    assert.equal(tls.key, 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10');
    assert.equal(slice(tls.keySpan), "'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10'");
    assert.equal(findBicepProperty(apim.value, 'SKU')?.key, 'sku');

    const productPolicy = declaration('resource', 'productPolicy');
    assert.ok(productPolicy.kind === 'resource' && productPolicy.value?.kind === 'if');
    assert.equal(slice(productPolicy.value.condition?.span), "environment == 'prod'");
    const namedValues = declaration('resource', 'apimNamedValues');
    assert.ok(namedValues.kind === 'resource' && namedValues.value?.kind === 'for');
    assert.deepEqual([namedValues.value.item?.name, namedValues.value.index?.name], ['nv', 'index']);
    assert.equal(namedValues.value.body?.kind, 'if');
    assert.equal(slice(namedValues.decorators[0].span), '@batchSize(2)');
    const keyVault = declaration('resource', 'existingKeyVault');
    assert.ok(keyVault.kind === 'resource');
    assert.equal(keyVault.existing, true);
    assert.equal(slice(keyVault.existingSpan), 'existing');
    const product = declaration('resource', 'product');
    assert.ok(product.kind === 'resource' && product.value?.kind === 'object');
    assert.deepEqual(
      product.value.members.map((member) => (member.kind === 'property' ? member.key : '')),
      ['parent', 'name', 'properties'],
    );
    const properties = findBicepProperty(product.value, 'properties')?.value as BicepObject;
    assert.deepEqual(
      properties.members.map((member) => (member.kind === 'property' ? member.key : '')),
      ['displayName', 'subscriptionRequired', 'approvalRequired'],
    );
    const tag = declaration('resource', 'echoApiTag');
    assert.ok(tag.kind === 'resource' && tag.value?.kind === 'object');
    const parent = findBicepProperty(tag.value, 'parent')?.value;
    assert.ok(parent?.kind === 'property-access' && parent.operator === '::');
    assert.equal(slice(parent.span), 'apim::echoApi');
  });

  test('policy values: loadTextContent call, multi-line variable, escaped inline XML', () => {
    const apim = declaration('resource', 'apim');
    assert.ok(apim.kind === 'resource' && apim.value?.kind === 'object');
    const policy = declaration('resource', 'servicePolicy');
    assert.ok(policy.kind === 'resource' && policy.value?.kind === 'object');
    const value = bicepPropertyAtPath(policy.value, ['properties', 'value'])?.value;
    assert.ok(value?.kind === 'string');
    assert.equal(value.value, '<policies><inbound><set-variable name="who" value="it\'s me" /></inbound></policies>');
    const policyXml = valueIn('policyXml');
    assert.ok(policyXml.kind === 'string' && policyXml.multiline);
    assert.equal(policyXml.value?.startsWith('<policies>\n  <inbound>'), true);
    assert.equal(slice(policyXml.contentSpan), policyXml.value);
  });

  test('modules, outputs with loops and resource-typed outputs, and the directive comment', () => {
    const network = declaration('module', 'network');
    assert.ok(network.kind === 'module');
    assert.equal(network.path?.value, 'modules/network.bicep');
    const monitoring = declaration('module', 'monitoring');
    assert.ok(monitoring.kind === 'module');
    assert.equal(monitoring.value?.kind, 'if');
    const apiNames = declaration('output', 'apiNames');
    assert.ok(apiNames.kind === 'output' && apiNames.value?.kind === 'for');
    assert.equal(slice(apiNames.value.iterable?.span), 'range(0, 2)');
    const keyVault = declaration('output', 'policyKv');
    assert.ok(keyVault.kind === 'output');
    assert.equal(keyVault.type?.kind, 'type-resource');
    assert.deepEqual(
      file.comments.filter((comment) => comment.kind === 'directive').map((comment) => text.slice(comment.start, comment.end)),
      ['#disable-next-line outputs-should-not-contain-secrets'],
    );
    assert.equal(file.comments.filter((comment) => comment.kind === 'block').length, 1);
  });
});
