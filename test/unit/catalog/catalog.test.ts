import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { POLICY_CATALOG, findPolicy, isCatalogElementName, policiesAllowedIn, shapeOf } from '../../../server/src/engine/catalog/catalog';
import type { ChildElementDefinition, ElementShape, GatewayType } from '../../../server/src/engine/catalog/policyDefinition';
import type { PolicySection, ScopeName } from '../../../server/src/engine/policy/policyVocabulary';

/** Element names of the docs' policy index (api-management-policies.md), one row each; the Dapr row reuses set-backend-service. */
const DOCS_POLICY_INDEX = [
  'rate-limit',
  'rate-limit-by-key',
  'quota',
  'quota-by-key',
  'limit-concurrency',
  'azure-openai-token-limit',
  'llm-token-limit',
  'check-header',
  'get-authorization-context',
  'ip-filter',
  'validate-azure-ad-token',
  'validate-jwt',
  'validate-client-certificate',
  'authentication-basic',
  'authentication-certificate',
  'authentication-managed-identity',
  'validate-content',
  'validate-graphql-request',
  'validate-odata-request',
  'validate-parameters',
  'validate-headers',
  'validate-status-code',
  'llm-content-safety',
  'forward-request',
  'set-backend-service',
  'proxy',
  'cache-lookup',
  'cache-store',
  'cache-lookup-value',
  'cache-store-value',
  'cache-remove-value',
  'azure-openai-semantic-cache-lookup',
  'azure-openai-semantic-cache-store',
  'llm-semantic-cache-lookup',
  'llm-semantic-cache-store',
  'set-method',
  'set-status',
  'set-variable',
  'set-body',
  'set-header',
  'set-query-parameter',
  'rewrite-uri',
  'json-to-xml',
  'xml-to-json',
  'find-and-replace',
  'redirect-content-urls',
  'xsl-transform',
  'return-response',
  'mock-response',
  'cross-domain',
  'cors',
  'jsonp',
  'send-request',
  'send-one-way-request',
  'log-to-eventhub',
  'publish-to-dapr',
  'invoke-dapr-binding',
  'send-service-bus-message',
  'trace',
  'emit-metric',
  'azure-openai-emit-token-metric',
  'llm-emit-token-metric',
  'sql-data-source',
  'cosmosdb-data-source',
  'http-data-source',
  'publish-event',
  'choose',
  'include-fragment',
  'retry',
  'wait',
];

const STRUCTURAL = ['policies', 'inbound', 'backend', 'outbound', 'on-error', 'base', 'fragment'];

function shapes(shape: ElementShape, path: string): Array<[string, ElementShape]> {
  const found: Array<[string, ElementShape]> = [[path, shape]];
  for (const child of shape.elements) found.push(...shapes(child, `${path}/${child.name}`));
  return found;
}

const ALL_SHAPES = POLICY_CATALOG.flatMap((definition) => shapes(definition, definition.name));

describe('policy catalog', () => {
  test('covers every policy of the docs index and the structural elements, and nothing else', () => {
    assert.equal(DOCS_POLICY_INDEX.length, 70);
    for (const name of DOCS_POLICY_INDEX) assert.equal(findPolicy(name)?.kind, 'policy', name);
    for (const name of STRUCTURAL) assert.equal(findPolicy(name)?.kind, 'structural', name);
    assert.deepEqual(POLICY_CATALOG.map((definition) => definition.name).sort(), [...DOCS_POLICY_INDEX, ...STRUCTURAL].sort());
  });

  test('every entry has sections (or a resolver context), scopes, gateways, a two-line summary and a docs URL', () => {
    for (const definition of POLICY_CATALOG) {
      const name = definition.name;
      if (definition.kind === 'policy') {
        assert.ok(definition.sections.length > 0 || definition.context !== undefined, `${name}: sections or context`);
      }
      assert.ok(definition.scopes.length > 0, `${name}: scopes`);
      assert.ok(definition.gateways.length > 0, `${name}: gateways`);
      assert.equal(definition.summary.length, 2, `${name}: summary lines`);
      for (const line of definition.summary) {
        assert.match(line, /^\S.{10,110}\.$/, `${name}: summary line "${line}"`);
      }
      assert.notEqual(definition.summary[0], definition.summary[1], `${name}: two different lines`);
      assert.match(definition.docUrl, /^https:\/\/learn\.microsoft\.com\/azure\/api-management\/[a-z0-9-]+$/, `${name}: docUrl`);
    }
  });

  test('policy docs URLs follow the <name>-policy pattern', () => {
    for (const name of DOCS_POLICY_INDEX) {
      assert.equal(findPolicy(name)?.docUrl, `https://learn.microsoft.com/azure/api-management/${name}-policy`);
    }
  });

  test('attributes are unique per element, enumerations list their values and defaults are among them', () => {
    for (const [path, shape] of ALL_SHAPES) {
      const names = shape.attributes.map((attribute) => attribute.name);
      assert.equal(new Set(names).size, names.length, `${path}: duplicate attribute`);
      for (const attribute of shape.attributes) {
        const where = `${path}@${attribute.name}`;
        if (attribute.kind === 'enum' || attribute.kind === 'boolean') {
          assert.ok(attribute.values && attribute.values.length > 0, `${where}: values`);
          if (attribute.default !== undefined) assert.ok(attribute.values.includes(attribute.default), `${where}: default`);
        } else {
          assert.equal(attribute.values, undefined, `${where}: values only on enumerations`);
        }
        if (attribute.kind === 'boolean') assert.deepEqual([...(attribute.values ?? [])].sort(), ['false', 'true'], where);
      }
    }
  });

  test('one-of groups, child references and content are consistent', () => {
    for (const [path, shape] of ALL_SHAPES) {
      const childNames = shape.elements.map((child) => child.name);
      assert.equal(new Set(childNames).size, childNames.length, `${path}: duplicate child`);
      if (shape.elements.length > 0) assert.ok(['elements', 'policies'].includes(shape.content), `${path}: content`);
      for (const group of shape.oneOf ?? []) {
        for (const name of group.attributes ?? [])
          assert.ok(
            shape.attributes.some((a) => a.name === name),
            `${path}: ${name}`,
          );
        for (const name of group.elements ?? []) assert.ok(childNames.includes(name), `${path}: <${name}>`);
        if (group.unless)
          assert.ok(
            shape.attributes.some((a) => a.name === group.unless?.attribute),
            `${path}: unless`,
          );
      }
      for (const child of shape.elements as readonly ChildElementDefinition[]) {
        if (!child.isPolicy) continue;
        assert.equal(findPolicy(child.name)?.kind, 'policy', `${path}/${child.name}: isPolicy`);
        assert.equal(shapeOf(child), findPolicy(child.name));
      }
    }
  });

  test('every policy accepts the common id attribute', () => {
    for (const name of DOCS_POLICY_INDEX) {
      assert.ok(
        findPolicy(name)?.attributes.some((attribute) => attribute.name === 'id'),
        name,
      );
    }
  });

  test('policiesAllowedIn filters by section, scope and gateway', () => {
    const names = (section: PolicySection, scope?: ScopeName, gateway?: GatewayType) =>
      policiesAllowedIn(section, scope, gateway).map((definition) => definition.name);
    assert.ok(names('backend').includes('forward-request'));
    assert.ok(!names('inbound').includes('forward-request'));
    assert.ok(names('inbound').includes('rate-limit'));
    assert.ok(!names('inbound', 'global').includes('rate-limit'));
    assert.ok(names('inbound', 'product').includes('quota'));
    assert.ok(!names('inbound', 'api').includes('quota'));
    assert.ok(!names('inbound', undefined, 'consumption').includes('rate-limit-by-key'));
    assert.ok(names('inbound', undefined, 'self-hosted').includes('publish-to-dapr'));
    assert.ok(!names('inbound').includes('sql-data-source'), 'resolver policies are not section statements');
    assert.ok(!names('inbound').includes('base'), 'structural elements are not statements');
  });

  test('knows child element names as well as policy names', () => {
    assert.ok(isCatalogElementName('when'));
    assert.ok(isCatalogElementName('allowed-origins'));
    assert.ok(isCatalogElementName('inbound'));
    assert.ok(!isCatalogElementName('rate-limit-by-keys'));
  });
});
