import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { subscriptionAllApis } from './subscription-all-apis';

describe('subscription-all-apis', () => {
  test('reports a scope of all APIs', () => {
    const { findings } = expectTemplateFindingsAt(
      subscriptionAllApis,
      'bicep',
      "resource s 'Microsoft.ApiManagement/service/subscriptions@2022-08-01' = {\n  name: 'svc/all'\n  properties: {\n    scope: ⟦'/apis'⟧\n  }\n}\n",
    );
    assert.equal(findings[0].message, 'This subscription is scoped to all APIs; scope it to a product or one API.');
  });

  test('silent for product and single-API scopes', () => {
    expectNoTemplateFindings(
      subscriptionAllApis,
      'bicep',
      "resource s 'Microsoft.ApiManagement/service/subscriptions@2022-08-01' = {\n  name: 'svc/p'\n  properties: {\n    scope: '/products/starter'\n  }\n}\nresource t 'Microsoft.ApiManagement/service/subscriptions@2022-08-01' = {\n  name: 'svc/a'\n  properties: {\n    scope: '/apis/orders'\n  }\n}\n",
    );
  });
});
