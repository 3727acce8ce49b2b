import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { productTermsMissing } from './product-terms-missing';

const product = (properties: string): string =>
  armTemplate(`    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/gold", "properties": ${properties} }`);

describe('product-terms-missing', () => {
  test('ARM: a published product requiring a subscription, without terms', () => {
    const { findings } = expectTemplateFindingsAt(
      productTermsMissing,
      'arm',
      product('{ "displayName": "Gold", "state": ⟦"published"⟧, "subscriptionRequired": true }'),
    );
    assert.equal(findings[0].message, "The published product 'gold' has no terms of use; add terms that subscribers accept in the developer portal.");
  });

  test('Bicep: empty terms', () => {
    expectTemplateFindingsAt(
      productTermsMissing,
      'bicep',
      "resource p 'Microsoft.ApiManagement/service/products@2022-08-01' = {\n  name: 'svc/gold'\n  properties: {\n    displayName: 'Gold'\n    state: 'published'\n    terms: ⟦''⟧\n  }\n}\n",
    );
  });

  test('silent with terms, unpublished, open or unknown products', () => {
    expectNoTemplateFindings(productTermsMissing, 'arm', product('{ "displayName": "Gold", "state": "published", "terms": "Fair use: 10,000 calls a day." }'));
    expectNoTemplateFindings(productTermsMissing, 'arm', product('{ "displayName": "Gold" }'));
    expectNoTemplateFindings(productTermsMissing, 'arm', product('{ "displayName": "Gold", "state": "published", "subscriptionRequired": false }'));
    expectNoTemplateFindings(productTermsMissing, 'arm', product(`{ "displayName": "Gold", "state": "published", "terms": "[parameters('terms')]" }`));
  });
});
