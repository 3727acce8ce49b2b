import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runTemplateRule } from '../../../testing/ruleTester';
import { multiRegionMissing } from './multi-region-missing';

const service = (sku: string, properties: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "location": "westeurope", "sku": { "name": ${sku}, "capacity": 2 }, "properties": ${properties} }`,
  );

describe('multi-region-missing', () => {
  test('reports a Premium service without additional locations on its tier', () => {
    const { findings } = expectTemplateFindingsAt(multiRegionMissing, 'arm', service('⟦"Premium"⟧', '{ "additionalLocations": [] }'));
    assert.equal(findings[0].message, 'This Premium service has no additional regions; add additionalLocations if it must survive a regional outage.');
    expectTemplateFindingsAt(
      multiRegionMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: {\n    name: ⟦'Premium'⟧\n    capacity: 2\n  }\n  properties: {}\n}\n",
    );
  });

  test('silent with regions, a copy loop or a parameter, on other tiers, and outside production', () => {
    expectNoTemplateFindings(
      multiRegionMissing,
      'arm',
      service('"Premium"', '{ "additionalLocations": [{ "location": "northeurope", "sku": { "name": "Premium", "capacity": 1 } }] }'),
    );
    expectNoTemplateFindings(
      multiRegionMissing,
      'arm',
      service(
        '"Premium"',
        '{ "copy": [{ "name": "additionalLocations", "count": "[length(parameters(\'regions\'))]", "input": { "location": "[parameters(\'regions\')[copyIndex(\'additionalLocations\')]]" } }] }',
      ),
    );
    expectNoTemplateFindings(multiRegionMissing, 'arm', service('"Premium"', '{ "additionalLocations": "[parameters(\'regions\')]" }'));
    expectNoTemplateFindings(multiRegionMissing, 'arm', service('"Standard"', '{}'));
    assert.deepEqual(runTemplateRule(multiRegionMissing, 'arm', service('"Premium"', '{}'), 'nonproduction'), []);
  });
});
