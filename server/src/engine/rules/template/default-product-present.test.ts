import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectApiopsFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { defaultProductPresent } from './default-product-present';

describe('default-product-present', () => {
  test('reports starter and unlimited on their names (ARM and Bicep)', () => {
    const { findings } = expectTemplateFindingsAt(
      defaultProductPresent,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": ⟦"svc/starter"⟧, "properties": {} },\n    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": ⟦"svc/Unlimited"⟧, "properties": {} }',
      ),
    );
    assert.equal(findings[0].message, "The sample product 'starter' is kept; delete it and publish APIs through your own products.");
    assert.equal(findings[0].severity, 'info');
    expectTemplateFindingsAt(
      defaultProductPresent,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' existing = {\n  name: 'svc'\n}\nresource p 'Microsoft.ApiManagement/service/products@2022-08-01' = {\n  parent: svc\n  name: ⟦'starter'⟧\n  properties: {}\n}\n",
    );
  });

  test('reports the APIOps product folder on the properties key', () => {
    expectApiopsFindingsAt(defaultProductPresent, 'products/unlimited/productInformation.json', '{\n  ⟦"properties"⟧: { "displayName": "Unlimited" }\n}\n');
  });

  test('silent for other products, unknown names and workspace products', () => {
    expectNoTemplateFindings(
      defaultProductPresent,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/starter-plus", "properties": {} },\n    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "[parameters(\'p\')]", "properties": {} },\n    { "type": "Microsoft.ApiManagement/service/workspaces/products", "apiVersion": "2023-09-01-preview", "name": "svc/ws/starter", "properties": {} }',
      ),
    );
    assert.deepEqual(runApiopsRule(defaultProductPresent, 'products/gold/productInformation.json', '{ "properties": {} }'), []);
  });
});
