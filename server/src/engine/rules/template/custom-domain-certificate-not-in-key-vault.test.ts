import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { customDomainCertificateNotInKeyVault } from './custom-domain-certificate-not-in-key-vault';

const service = (hostnames: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "location": "westeurope", "sku": { "name": "Standard", "capacity": 1 }, "properties": { "hostnameConfigurations": ${hostnames} } }`,
  );

describe('custom-domain-certificate-not-in-key-vault', () => {
  test('reports an inline PFX and a Custom certificate source', () => {
    const { findings } = expectTemplateFindingsAt(
      customDomainCertificateNotInKeyVault,
      'arm',
      service(
        '[{ "type": "Proxy", "hostName": "api.contoso.com", "encodedCertificate": ⟦"[parameters(\'pfx\')]"⟧, "certificatePassword": "[parameters(\'pfxPassword\')]" }, { "type": "Portal", "hostName": "portal.contoso.com", "certificateSource": ⟦"Custom"⟧, "certificate": { "thumbprint": "ABC" } }]',
      ),
    );
    assert.equal(
      findings[0].message,
      'The certificate of api.contoso.com is uploaded, not taken from Key Vault; reference a Key Vault certificate with keyVaultId.',
    );
    expectTemplateFindingsAt(
      customDomainCertificateNotInKeyVault,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    hostnameConfigurations: [\n      {\n        type: 'Proxy'\n        hostName: 'api.contoso.com'\n        encodedCertificate: ⟦loadFileAsBase64('api.pfx')⟧\n      }\n    ]\n  }\n}\n",
    );
  });

  test('silent for Key Vault, managed and built-in certificates', () => {
    expectNoTemplateFindings(
      customDomainCertificateNotInKeyVault,
      'arm',
      service(
        '[{ "type": "Proxy", "hostName": "api.contoso.com", "certificateSource": "KeyVault", "keyVaultId": "https://kv.vault.azure.net/secrets/api" }, { "type": "Proxy", "hostName": "svc.azure-api.net", "certificateSource": "BuiltIn", "defaultSslBinding": true }, { "type": "Proxy", "hostName": "gw.contoso.com", "certificateSource": "Managed" }, { "type": "Proxy", "hostName": "kv.contoso.com", "keyVaultId": "[parameters(\'kv\')]", "certificate": { "thumbprint": "ABC" } }]',
      ),
    );
  });
});
