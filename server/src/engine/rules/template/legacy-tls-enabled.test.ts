import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runTemplateRule } from '../../../testing/ruleTester';
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

  test('missing switches are one info finding whose fix adds them with the file indentation', () => {
    const text = armTemplate(`    {
      "type": "Microsoft.ApiManagement/service",
      "apiVersion": "2022-08-01",
      "name": "svc",
      "properties": {
        "publisherName": "Contoso"
      }
    }`);
    const [finding] = runTemplateRule(legacyTlsEnabled, 'arm', text);
    assert.equal(finding.severity, 'info');
    assert.equal(text.slice(finding.span.start, finding.span.end), '"Microsoft.ApiManagement/service"');
    const fixed = applyFix(text, finding.fixes[0]);
    assert.ok(fixed.includes(`"publisherName": "Contoso",\n        "customProperties": {\n          "${P}Protocols.Tls10": "False",`));
    assert.deepEqual(runTemplateRule(legacyTlsEnabled, 'arm', fixed), []);
    assert.deepEqual(Object.keys(JSON.parse(fixed).resources[0].properties.customProperties).length, 6);
  });

  test('Bicep: the fix adds quoted keys to an existing customProperties object', () => {
    const text = `resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {
  name: 'svc'
  sku: { name: 'Premium', capacity: 1 }
  properties: {
    customProperties: {
      '${P}Protocols.Tls10': 'False'
    }
  }
}
`;
    const [finding] = runTemplateRule(legacyTlsEnabled, 'bicep', text);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'customProperties');
    const fixed = applyFix(text, finding.fixes[0]);
    assert.ok(fixed.includes(`      '${P}Protocols.Tls10': 'False'\n      '${P}Protocols.Tls11': 'False'\n`));
    assert.deepEqual(runTemplateRule(legacyTlsEnabled, 'bicep', fixed), []);
  });

  test('silent for v2 and Consumption tiers, unknown customProperties and existing services', () => {
    expectNoTemplateFindings(legacyTlsEnabled, 'bicep', "resource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  sku: { name: 'StandardV2', capacity: 1 }\n}\n");
    expectNoTemplateFindings(legacyTlsEnabled, 'bicep', "param custom object\nresource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'svc'\n  properties: {\n    customProperties: custom\n  }\n}\n");
    expectNoTemplateFindings(legacyTlsEnabled, 'bicep', "resource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {\n  name: 'svc'\n}\n");
  });
});
