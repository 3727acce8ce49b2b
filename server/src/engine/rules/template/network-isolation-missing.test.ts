import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { networkIsolationMissing } from './network-isolation-missing';

describe('network-isolation-missing', () => {
  test('a public service without a VNet is reported at info level', () => {
    const { findings } = expectTemplateFindingsAt(
      networkIsolationMissing,
      'bicep',
      "resource svc ⟦'Microsoft.ApiManagement/service@2022-08-01'⟧ = {\n  name: 'svc'\n  sku: { name: 'Standard', capacity: 1 }\n}\n",
    );
    assert.equal(findings[0].severity, 'info');
    expectTemplateFindingsAt(
      networkIsolationMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    virtualNetworkType: ⟦'None'⟧\n  }\n}\n",
    );
  });

  test('silent with a VNet, without public access, on Consumption, or when unknown', () => {
    expectNoTemplateFindings(
      networkIsolationMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    virtualNetworkType: 'Internal'\n  }\n}\n",
    );
    expectNoTemplateFindings(
      networkIsolationMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    publicNetworkAccess: 'Disabled'\n  }\n}\n",
    );
    expectNoTemplateFindings(
      networkIsolationMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: { name: 'Consumption', capacity: 0 }\n}\n",
    );
    expectNoTemplateFindings(
      networkIsolationMissing,
      'bicep',
      "param vnetType string\nresource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    virtualNetworkType: vnetType\n  }\n}\n",
    );
  });
});
