import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { legacyTlsEnabled } from './legacy-tls-enabled';

const P = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';
const ALL_OFF = ['Protocols.Tls10', 'Protocols.Tls11', 'Protocols.Ssl30', 'Backend.Protocols.Tls10', 'Backend.Protocols.Tls11', 'Backend.Protocols.Ssl30'];

describe('legacy-tls-enabled', () => {
  test('an enabled switch is reported on its value and the fix sets "False"', () => {
    const switches = ALL_OFF.map((name) => `          "${P}${name}": ${name === 'Protocols.Tls10' ? '⟦"True"⟧' : '"False"'}`).join(',\n');
    const { text, findings } = expectTemplateFindingsAt(
      legacyTlsEnabled,
      'arm',
      armTemplate(`    {
      "type": "Microsoft.ApiManagement/service",
      "apiVersion": "2022-08-01",
      "name": "svc",
      "sku": { "name": "Standard", "capacity": 1 },
      "properties": {
        "customProperties": {
${switches}
        }
      }
    }`),
    );
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'The switch Protocols.Tls10 enables a legacy protocol; set it to "False".');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes(`"${P}Protocols.Tls10": "False"`));
  });

  test('unset switches are not reported: they are off for every service created after April 2018', () => {
    expectNoTemplateFindings(
      legacyTlsEnabled,
      'arm',
      armTemplate(`    {
      "type": "Microsoft.ApiManagement/service",
      "apiVersion": "2022-08-01",
      "name": "svc",
      "properties": {
        "publisherName": "Contoso"
      }
    }`),
    );
    expectNoTemplateFindings(
      legacyTlsEnabled,
      'bicep',
      `resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  sku: { name: 'Premium', capacity: 1 }\n  properties: {\n    customProperties: {\n      '${P}Protocols.Tls10': 'False'\n    }\n  }\n}\n`,
    );
  });

  test('Bicep: an explicit True is reported whatever the other switches say', () => {
    expectTemplateFindingsAt(
      legacyTlsEnabled,
      'bicep',
      `resource svc 'Microsoft.ApiManagement/service@2024-05-01' = {\n  name: 'svc'\n  sku: { name: 'Premium', capacity: 1 }\n  properties: {\n    customProperties: {\n      '${P}Backend.Protocols.Tls11': ⟦'True'⟧\n    }\n  }\n}\n`,
    );
  });

  test('silent for v2 and Consumption tiers, unknown customProperties and existing services', () => {
    expectNoTemplateFindings(
      legacyTlsEnabled,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  sku: { name: 'StandardV2', capacity: 1 }\n}\n",
    );
    expectNoTemplateFindings(
      legacyTlsEnabled,
      'bicep',
      "param custom object\nresource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  properties: {\n    customProperties: custom\n  }\n}\n",
    );
    expectNoTemplateFindings(legacyTlsEnabled, 'bicep', "resource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {\n  name: 'svc'\n}\n");
  });
});
