import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { productSubscriptionNotRequired } from './product-subscription-not-required';

describe('product-subscription-not-required', () => {
  test('an open product is reported on subscriptionRequired', () => {
    const { findings } = expectTemplateFindingsAt(
      productSubscriptionNotRequired,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/open", "properties": { "subscriptionRequired": ⟦false⟧ } }',
      ),
    );
    assert.equal(findings[0].message, 'This product is open: its APIs can be called without a subscription key.');
  });

  test('silent when required or not written (the default requires it)', () => {
    expectNoTemplateFindings(
      productSubscriptionNotRequired,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/p", "properties": { "displayName": "P" } }',
      ),
    );
  });
});
