import { DISK_FILES } from '../../../server/src/engine/files/diskFiles';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisContext } from '../../../server/src/engine/analysis/analysisContext';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/engine/analysis/analysisSettings';
import { DEFAULT_CONFIG, type ApimStudioConfig } from '../../../server/src/engine/config/apimStudioConfig';

function templateWithTls10(comment: string): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ApiManagement/service",
      "apiVersion": "2022-08-01",
      "name": "apim",
      "location": "westeurope",
      "sku": { "name": "Standard", "capacity": 1 },
      "properties": {
        "customProperties": {
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30": "False",
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "False",
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "False",
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30": "False",
${comment}          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "True"
        }
      }
    }
  ]
}
`;
}

function codes(text: string, path: string, config: Partial<ApimStudioConfig> = {}): string[] {
  const located = { config: { ...DEFAULT_CONFIG, ...config }, folder: '/t' };
  const context: AnalysisContext = {
    settings: DEFAULT_ANALYSIS_SETTINGS,
    files: DISK_FILES,
    today: new Date(),
    configFor: () => located,
    workspaceFor: () => undefined,
  };
  return analyseDocument({ path, text }, context).findings.map((finding) => finding.code);
}

describe('suppressions in templates', () => {
  test('a // directive in an ARM template silences the rule on the next line, and an unused one is reported', () => {
    assert.ok(codes(templateWithTls10(''), '/t/azuredeploy.json').includes('legacy-tls-enabled'));
    const suppressed = codes(
      templateWithTls10('          // apim-studio-disable-next-line legacy-tls-enabled: old partner clients until 2027\n'),
      '/t/azuredeploy.json',
    );
    assert.ok(!suppressed.includes('legacy-tls-enabled'), suppressed.join());
    assert.ok(!suppressed.includes('unused-suppression'));
    const stale = codes(templateWithTls10('          // apim-studio-disable-next-line weak-ciphers-enabled: nothing here\n'), '/t/azuredeploy.json');
    assert.ok(stale.includes('unused-suppression') && stale.includes('legacy-tls-enabled'), stale.join());
  });

  test('a // directive in a Bicep file silences the rule on the next line', () => {
    const bicep = (comment: string): string =>
      `resource apim 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'apim'\n  location: 'westeurope'\n  sku: { name: 'Standard', capacity: 1 }\n  properties: {\n    customProperties: {\n${comment}      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10': 'True'\n    }\n  }\n}\n`;
    const count = (list: string[]): number => list.filter((code) => code === 'legacy-tls-enabled').length;
    const before = count(codes(bicep(''), '/t/main.bicep'));
    assert.ok(before > 0);
    assert.equal(
      count(codes(bicep('      // apim-studio-disable-next-line legacy-tls-enabled: reason\n'), '/t/main.bicep')),
      before - 1,
      'the finding on the next line is gone',
    );
  });

  test('config suppressions apply to template findings', () => {
    const suppressions = [{ rule: 'legacy-tls-enabled', reason: 'migration planned', files: ['azuredeploy.json'] }];
    assert.ok(!codes(templateWithTls10(''), '/t/azuredeploy.json', { suppressions }).includes('legacy-tls-enabled'));
    assert.ok(codes(templateWithTls10(''), '/t/other.json', { suppressions }).includes('legacy-tls-enabled'));
  });
});
