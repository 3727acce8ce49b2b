import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { descriptionMissing } from './description-missing';

describe('description-missing', () => {
  test('ARM: an API without a description and a product with neither', () => {
    const { findings } = expectTemplateFindingsAt(
      descriptionMissing,
      'arm',
      armTemplate(`    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "displayName": ⟦"Orders"⟧, "path": "orders", "protocols": ["https"] } },
    { "type": ⟦"Microsoft.ApiManagement/service/products"⟧, "apiVersion": "2022-08-01", "name": "svc/gold", "properties": { "state": "published" } }`),
    );
    assert.equal(findings[0].message, "The API 'orders' has no description; say what it is for, so developers and operators can tell.");
    assert.equal(findings[1].message, "The product 'gold' has no displayName or description; say what it is for, so developers and operators can tell.");
  });

  test('Bicep: an empty description', () => {
    expectTemplateFindingsAt(
      descriptionMissing,
      'bicep',
      "resource p 'Microsoft.ApiManagement/service/products@2022-08-01' = {\n  name: 'svc/gold'\n  properties: {\n    displayName: 'Gold'\n    description: ⟦''⟧\n  }\n}\n",
    );
  });

  test('silent for described resources, imported APIs, revisions, parameters and APIOps files that describe', () => {
    expectNoTemplateFindings(
      descriptionMissing,
      'arm',
      armTemplate(`    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "displayName": "Orders", "description": "Order management for partners.", "path": "orders" } },
    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/pets", "properties": { "path": "pets", "format": "openapi-link", "value": "https://petstore3.swagger.io/api/v3/openapi.json" } },
    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders;rev=2", "properties": { "path": "orders", "apiRevision": "2" } },
    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/gold", "properties": { "displayName": "Gold", "description": "[parameters('goldDescription')]" } }`),
    );
    assert.deepEqual(
      runApiopsRule(descriptionMissing, 'products/gold/productInformation.json', '{ "properties": { "displayName": "Gold", "description": "For partners." } }'),
      [],
    );
    assert.equal(runApiopsRule(descriptionMissing, 'products/gold/productInformation.json', '{ "properties": { "displayName": "Gold" } }').length, 1);
    // A specification file beside apiInformation.json may supply the description.
    assert.deepEqual(
      runApiopsRule(descriptionMissing, 'apis/orders/apiInformation.json', '{ "properties": { "displayName": "Orders", "path": "orders" } }'),
      [],
    );
  });
});
