import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { defenderForApisDisabled } from './defender-for-apis-disabled';

describe('defender-for-apis-disabled', () => {
  test('ARM: the Api plan at the free tier', () => {
    const { findings } = expectTemplateFindingsAt(
      defenderForApisDisabled,
      'arm',
      armTemplate('    { "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "Api", "properties": { "pricingTier": ⟦"Free"⟧ } }'),
    );
    assert.match(findings[0].message, /sets the Defender for APIs plan to Free/);
  });

  test('Bicep: the Api plan at the free tier', () => {
    expectTemplateFindingsAt(
      defenderForApisDisabled,
      'bicep',
      "targetScope = 'subscription'\nresource api 'Microsoft.Security/pricings@2024-01-01' = {\n  name: 'Api'\n  properties: {\n    pricingTier: ⟦'Free'⟧\n  }\n}\n",
    );
  });

  test('silent for Standard, other plans, parameters and templates without the plan', () => {
    expectNoTemplateFindings(
      defenderForApisDisabled,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "Api", "properties": { "pricingTier": "Standard", "subPlan": "P1" } }',
      ),
    );
    expectNoTemplateFindings(
      defenderForApisDisabled,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "VirtualMachines", "properties": { "pricingTier": "Free" } }',
      ),
    );
    expectNoTemplateFindings(
      defenderForApisDisabled,
      'bicep',
      "targetScope = 'subscription'\nparam tier string\nresource api 'Microsoft.Security/pricings@2024-01-01' = {\n  name: 'Api'\n  properties: {\n    pricingTier: tier\n  }\n}\n",
    );
    expectNoTemplateFindings(
      defenderForApisDisabled,
      'arm',
      armTemplate('    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "properties": {} }'),
    );
  });
});
