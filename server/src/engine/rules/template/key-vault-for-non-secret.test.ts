import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { keyVaultForNonSecret } from './key-vault-for-non-secret';

const KEY_VAULT = "    keyVault: {\n      secretIdentifier: 'https://kv.vault.azure.net/secrets/region'\n    }\n";

describe('key-vault-for-non-secret', () => {
  test('a Key Vault named value explicitly marked not secret is reported on secret', () => {
    const { findings } = expectTemplateFindingsAt(
      keyVaultForNonSecret,
      'bicep',
      `resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/region'\n  properties: {\n    displayName: 'region'\n    secret: ⟦false⟧\n${KEY_VAULT}  }\n}\n`,
    );
    assert.equal(
      findings[0].message,
      'This named value is marked not secret but is read from Key Vault; store plain values as plain named values, or mark it secret.',
    );
    assert.equal(findings[0].severity, 'info');
  });

  test('silent for secrets in Key Vault, when secret is not written, and for plain values', () => {
    expectNoTemplateFindings(
      keyVaultForNonSecret,
      'bicep',
      `resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/key'\n  properties: {\n    secret: true\n${KEY_VAULT}  }\n}\n`,
    );
    expectNoTemplateFindings(
      keyVaultForNonSecret,
      'bicep',
      `resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/key'\n  properties: {\n${KEY_VAULT}  }\n}\n`,
    );
    expectNoTemplateFindings(
      keyVaultForNonSecret,
      'bicep',
      "resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/region'\n  properties: {\n    secret: false\n    value: 'westeurope'\n  }\n}\n",
    );
  });

  test('silent when keyVault comes from an optional parameter left empty (a generic module)', () => {
    for (const declaration of [
      'param keyVault object?',
      'param keyVault object = {}',
      "param keyVault object = {}\nparam unused string = ''",
      "param keyVault string = ''",
    ]) {
      expectNoTemplateFindings(
        keyVaultForNonSecret,
        'bicep',
        `${declaration}\nparam secret bool = false\nparam value string?\nresource nv 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {\n  name: 'svc/key'\n  properties: {\n    secret: secret\n    value: empty(keyVault) ? value : null\n    keyVault: keyVault\n  }\n}\n`,
      );
    }
  });

  test('still reported when the optional parameter has a Key Vault default', () => {
    expectTemplateFindingsAt(
      keyVaultForNonSecret,
      'bicep',
      "param keyVault object = {\n  secretIdentifier: 'https://kv.vault.azure.net/secrets/region'\n}\nresource nv 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {\n  name: 'svc/key'\n  properties: {\n    secret: ⟦false⟧\n    keyVault: keyVault\n  }\n}\n",
    );
  });
});
