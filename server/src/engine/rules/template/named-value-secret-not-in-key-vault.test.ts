import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { namedValueSecretNotInKeyVault } from './named-value-secret-not-in-key-vault';

describe('named-value-secret-not-in-key-vault', () => {
  test('a secret with an inline value is reported on secret', () => {
    const { findings } = expectTemplateFindingsAt(
      namedValueSecretNotInKeyVault,
      'bicep',
      "param key string\nresource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/key'\n  properties: {\n    displayName: 'key'\n    secret: ⟦true⟧\n    value: key\n  }\n}\n",
    );
    assert.equal(findings[0].message, 'This secret named value is not backed by Key Vault; reference a Key Vault secret instead of a value.');
  });

  test('silent with Key Vault or for plain values', () => {
    expectNoTemplateFindings(
      namedValueSecretNotInKeyVault,
      'bicep',
      "resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/key'\n  properties: {\n    secret: true\n    keyVault: {\n      secretIdentifier: 'https://kv.vault.azure.net/secrets/key'\n    }\n  }\n}\n",
    );
    expectNoTemplateFindings(
      namedValueSecretNotInKeyVault,
      'bicep',
      "resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/region'\n  properties: {\n    secret: false\n    value: 'westeurope'\n  }\n}\n",
    );
  });

  test("silent for APIM's generated logger credentials and for identifiers marked secret", () => {
    for (const name of ['Logger-Credentials--6453e0548feb89102c21a4a3', 'EntraIDTenantId', 'aadb2c-tenant-id', 'McpClientId', 'entraid-group-id']) {
      expectNoTemplateFindings(
        namedValueSecretNotInKeyVault,
        'bicep',
        `param v string\nresource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/nv'\n  properties: {\n    displayName: '${name}'\n    secret: true\n    value: v\n  }\n}\n`,
      );
    }
    expectTemplateFindingsAt(
      namedValueSecretNotInKeyVault,
      'bicep',
      "param v string\nresource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/nv'\n  properties: {\n    displayName: 'EntraIDClientSecret'\n    secret: ⟦true⟧\n    value: v\n  }\n}\n",
    );
  });
});
