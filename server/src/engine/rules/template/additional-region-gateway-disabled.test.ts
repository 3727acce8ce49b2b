import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runTemplateRule } from '../../../testing/ruleTester';
import { additionalRegionGatewayDisabled } from './additional-region-gateway-disabled';

const service = (locations: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "location": "westeurope", "sku": { "name": "Premium", "capacity": 2 }, "properties": { "additionalLocations": ${locations} } }`,
  );

describe('additional-region-gateway-disabled', () => {
  test('reports disableGateway true in an additional location; the fix enables it', () => {
    const { text, findings } = expectTemplateFindingsAt(
      additionalRegionGatewayDisabled,
      'arm',
      service('[{ "location": "northeurope", "sku": { "name": "Premium", "capacity": 1 }, "disableGateway": ⟦true⟧ }]'),
    );
    assert.equal(findings[0].message, 'The gateway in the additional region northeurope is disabled; enable it so the region serves traffic.');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"disableGateway": false }'));
    expectTemplateFindingsAt(
      additionalRegionGatewayDisabled,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    additionalLocations: [\n      {\n        location: 'eastus'\n        disableGateway: ⟦true⟧\n      }\n    ]\n  }\n}\n",
    );
  });

  test('silent when enabled, not stated or outside production', () => {
    expectNoTemplateFindings(
      additionalRegionGatewayDisabled,
      'arm',
      service('[{ "location": "northeurope", "disableGateway": false }, { "location": "eastus" }]'),
    );
    assert.deepEqual(
      runTemplateRule(additionalRegionGatewayDisabled, 'arm', service('[{ "location": "northeurope", "disableGateway": true }]'), 'nonproduction'),
      [],
    );
  });
});
