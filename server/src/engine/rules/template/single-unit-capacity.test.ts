import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { singleUnitCapacity } from './single-unit-capacity';

describe('single-unit-capacity', () => {
  test('one unit, or fewer units than zones, is reported on the capacity', () => {
    const { findings } = expectTemplateFindingsAt(
      singleUnitCapacity,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Standard'\n    capacity: ⟦1⟧\n  }\n}\n",
    );
    assert.equal(findings[0].message, 'This production service runs on a single unit; use at least two for redundancy.');
    const zones = expectTemplateFindingsAt(
      singleUnitCapacity,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Premium'\n    capacity: ⟦2⟧\n  }\n  zones: ['1', '2', '3']\n}\n",
    );
    assert.equal(zones.findings[0].message, 'Capacity 2 is below the 3 availability zones; use at least one unit per zone.');
  });

  test('silent outside production, for Developer, and with enough units', () => {
    const single = "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Standard'\n    capacity: 1\n  }\n}\n";
    expectNoTemplateFindings(singleUnitCapacity, 'bicep', single, 'nonproduction');
    expectNoTemplateFindings(singleUnitCapacity, 'bicep', single.replace('Standard', 'Developer'));
    expectNoTemplateFindings(singleUnitCapacity, 'bicep', single.replace('capacity: 1', 'capacity: 2'));
  });

  test('a SKU from a parameter is only a default: info, without asserting production', () => {
    const { findings } = expectTemplateFindingsAt(
      singleUnitCapacity,
      'bicep',
      "param skuName string = 'Premium'\nresource svc 'Microsoft.ApiManagement/service@2024-05-01' = {\n  name: 'svc'\n  sku: {\n    name: skuName\n    capacity: ⟦1⟧\n  }\n}\n",
    );
    assert.equal(findings[0].severity, 'info');
    assert.equal(
      findings[0].message,
      'With its default SKU (Premium), this service runs on a single unit; where it serves production traffic, use at least two for redundancy.',
    );
  });
});
