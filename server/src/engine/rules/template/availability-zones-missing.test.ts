import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { availabilityZonesMissing } from './availability-zones-missing';

describe('availability-zones-missing', () => {
  test('Premium without zones or with one zone is reported on the tier', () => {
    const { findings } = expectTemplateFindingsAt(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: ⟦'Premium'⟧\n    capacity: 2\n  }\n}\n",
    );
    assert.equal(findings[0].message, 'This Premium service lists no availability zones; add zones so it survives a datacenter failure.');
    expectTemplateFindingsAt(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: ⟦'Premium'⟧\n    capacity: 1\n  }\n  zones: ['1']\n}\n",
    );
  });

  test('fewer units than zones is reported on the capacity', () => {
    const { findings } = expectTemplateFindingsAt(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Premium'\n    capacity: ⟦2⟧\n  }\n  zones: ['1', '2', '3']\n}\n",
    );
    assert.equal(
      findings[0].message,
      'This Premium service lists 3 availability zones but has 2 units, so a zone has no gateway unit; use at least 3 units (a multiple of the zone count).',
    );
    expectNoTemplateFindings(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Premium'\n    capacity: 4\n  }\n  zones: ['1', '2', '3']\n}\n",
    );
  });

  test('silent with two zones, other tiers, or unknown zones', () => {
    expectNoTemplateFindings(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Premium'\n    capacity: 2\n  }\n  zones: ['1', '2']\n}\n",
    );
    expectNoTemplateFindings(
      availabilityZonesMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Standard'\n    capacity: 2\n  }\n}\n",
    );
    expectNoTemplateFindings(
      availabilityZonesMissing,
      'bicep',
      "param zones array\nresource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: 'Premium'\n    capacity: 2\n  }\n  zones: zones\n}\n",
    );
  });
});
