import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { minApiVersionMissing } from './min-api-version-missing';

const service = (properties: string): string =>
  armTemplate(`    {
      ⟦"type": "Microsoft.ApiManagement/service"⟧,
      "apiVersion": "2023-05-01-preview",
      "name": "svc",
      "location": "westeurope",
      "sku": { "name": "Standard", "capacity": 1 },
      "properties": ${properties}
    }`)
    .replace('⟦"type": ', '"type": ⟦')
    .replace('service"⟧,', 'service"⟧,');

describe('min-api-version-missing', () => {
  test('ARM: no constraint; the fix adds apiVersionConstraint', () => {
    const { text, findings } = expectTemplateFindingsAt(
      minApiVersionMissing,
      'arm',
      service('{ "publisherEmail": "a@contoso.com", "publisherName": "Contoso" }'),
    );
    assert.equal(
      findings[0].message,
      'This service sets no apiVersionConstraint.minApiVersion, so it accepts management calls with any API version; set it to 2021-08-01 or later.',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('"apiVersionConstraint": { "minApiVersion": "2021-08-01" }'));
    expectNoTemplateFindings(minApiVersionMissing, 'arm', fixed);
  });

  test('Bicep: an old minimum is reported on its value; the fix raises it', () => {
    const { text, findings } = expectTemplateFindingsAt(
      minApiVersionMissing,
      'bicep',
      "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  location: 'westeurope'\n  sku: {\n    name: 'Standard'\n    capacity: 1\n  }\n  properties: {\n    publisherEmail: 'a@contoso.com'\n    publisherName: 'Contoso'\n    apiVersionConstraint: {\n      minApiVersion: ⟦'2019-12-01'⟧\n    }\n  }\n}\n",
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes("minApiVersion: '2021-08-01'"));
  });

  test('Bicep: a missing constraint is reported on the type', () => {
    expectTemplateFindingsAt(
      minApiVersionMissing,
      'bicep',
      "resource apim ⟦'Microsoft.ApiManagement/service@2023-05-01-preview'⟧ = {\n  name: 'svc'\n  location: 'westeurope'\n  sku: {\n    name: 'Standard'\n    capacity: 1\n  }\n  properties: {\n    publisherEmail: 'a@contoso.com'\n    publisherName: 'Contoso'\n  }\n}\n",
    );
  });

  test('silent for a current minimum, a parameter without a default and an existing service', () => {
    expectNoTemplateFindings(minApiVersionMissing, 'arm', service('{ "apiVersionConstraint": { "minApiVersion": "2022-08-01" } }').replace(/⟦|⟧/g, ''));
    expectNoTemplateFindings(
      minApiVersionMissing,
      'bicep',
      "param minVersion string\nresource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  location: 'westeurope'\n  sku: {\n    name: 'Standard'\n    capacity: 1\n  }\n  properties: {\n    apiVersionConstraint: {\n      minApiVersion: minVersion\n    }\n  }\n}\nresource old 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {\n  name: 'other'\n}\n",
    );
  });
});
