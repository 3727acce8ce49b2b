import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { additionalRegionGatewayDisabled } from '../../../server/src/engine/rules/template/additional-region-gateway-disabled';
import { apiHttpAllowed } from '../../../server/src/engine/rules/template/api-http-allowed';
import { apiVersionOutdated } from '../../../server/src/engine/rules/template/api-version-outdated';
import { availabilityZonesMissing } from '../../../server/src/engine/rules/template/availability-zones-missing';
import { backendCertificateValidationDisabled } from '../../../server/src/engine/rules/template/backend-certificate-validation-disabled';
import { backendCircuitBreakerMissing } from '../../../server/src/engine/rules/template/backend-circuit-breaker-missing';
import { customDomainCertificateNotInKeyVault } from '../../../server/src/engine/rules/template/custom-domain-certificate-not-in-key-vault';
import { developerPortalSignupEnabled } from '../../../server/src/engine/rules/template/developer-portal-signup-enabled';
import { developerTierInProduction } from '../../../server/src/engine/rules/template/developer-tier-in-production';
import { diagnosticSamplingFull } from '../../../server/src/engine/rules/template/diagnostic-sampling-full';
import { diagnosticSensitiveHeaders } from '../../../server/src/engine/rules/template/diagnostic-sensitive-headers';
import { diagnosticVerbose } from '../../../server/src/engine/rules/template/diagnostic-verbose';
import { legacyTlsEnabled } from '../../../server/src/engine/rules/template/legacy-tls-enabled';
import { managedIdentityMissing } from '../../../server/src/engine/rules/template/managed-identity-missing';
import { namedValuePlainSecret } from '../../../server/src/engine/rules/template/named-value-plain-secret';
import { namedValueSecretNotInKeyVault } from '../../../server/src/engine/rules/template/named-value-secret-not-in-key-vault';
import { networkIsolationMissing } from '../../../server/src/engine/rules/template/network-isolation-missing';
import { productApprovalNotRequired } from '../../../server/src/engine/rules/template/product-approval-not-required';
import { productSubscriptionNotRequired } from '../../../server/src/engine/rules/template/product-subscription-not-required';
import { singleUnitCapacity } from '../../../server/src/engine/rules/template/single-unit-capacity';
import { subscriptionAllApis } from '../../../server/src/engine/rules/template/subscription-all-apis';
import { subscriptionTracingAllowed } from '../../../server/src/engine/rules/template/subscription-tracing-allowed';
import { weakCiphersEnabled } from '../../../server/src/engine/rules/template/weak-ciphers-enabled';
import { applyFix, expectNoTemplateFindings, expectTemplateFindingsAt, runTemplateRule } from '../../../server/src/testing/ruleTester';

function service(body: string, sku = '"Premium_2"'): string {
  return `resource "azurerm_api_management" "apim" {
  name                = "apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.com"
  sku_name            = ${sku}
${body}}
`;
}

describe('Terraform: azurerm_api_management drives the service rules', () => {
  test('security switches under the provider 4.x names: finding on the value, the fix writes false', () => {
    const { text, findings } = expectTemplateFindingsAt(
      legacyTlsEnabled,
      'terraform',
      service('  security {\n    frontend_tls10_enabled = ⟦true⟧\n    backend_tls11_enabled  = false\n  }\n'),
    );
    assert.equal(findings[0].message, 'The switch Protocols.Tls10 enables a legacy protocol; set it to "False".');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('frontend_tls10_enabled = false\n'));
  });

  test('security switches under the provider 3.x names, and ciphers', () => {
    expectTemplateFindingsAt(legacyTlsEnabled, 'terraform', service('  security {\n    enable_backend_ssl30 = ⟦true⟧\n  }\n'));
    const { text, findings } = expectTemplateFindingsAt(
      weakCiphersEnabled,
      'terraform',
      service('  security {\n    enable_triple_des_ciphers = ⟦true⟧\n    tls_rsa_with_aes128_cbc_sha_ciphers_enabled = ⟦var.weak⟧\n  }\n') +
        'variable "weak" {\n  default = true\n}\n',
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('enable_triple_des_ciphers = false'));
    assert.equal(findings[1].severity, 'info', 'a value from a variable is uncertain');
  });

  test('without a security block the provider sends every switch as false: nothing to report', () => {
    expectNoTemplateFindings(legacyTlsEnabled, 'terraform', service(''));
    expectNoTemplateFindings(weakCiphersEnabled, 'terraform', service(''));
    expectNoTemplateFindings(legacyTlsEnabled, 'terraform', service('  security {\n    frontend_tls10_enabled = true\n  }\n', '"Consumption_0"'));
  });

  test('sku_name is read as the tier and the capacity', () => {
    expectTemplateFindingsAt(developerTierInProduction, 'terraform', service('', '⟦"Developer_1"⟧'));
    const { text, findings } = expectTemplateFindingsAt(singleUnitCapacity, 'terraform', service('  zones = ["1"]\n', '⟦"Premium_1"⟧'));
    assert.equal(findings[0].message, 'This production service runs on a single unit; use at least two for redundancy.');
    assert.ok(text.includes('Premium_1'));
    expectNoTemplateFindings(singleUnitCapacity, 'terraform', service('', '"Premium_2"'));
  });

  test('sku_name from a variable default, a tfvars-like local and a conditional', () => {
    expectTemplateFindingsAt(
      developerTierInProduction,
      'terraform',
      `${service('', '⟦var.sku⟧')}variable "sku" {\n  type    = string\n  default = "Developer_1"\n}\n`,
    );
    expectTemplateFindingsAt(
      developerTierInProduction,
      'terraform',
      `${service('', '⟦local.sku⟧')}locals {\n  env = "dev"\n  sku = local.env == "prod" ? "Premium_2" : "Developer_1"\n}\n`,
    );
    expectNoTemplateFindings(developerTierInProduction, 'terraform', `${service('', 'var.unknown')}variable "unknown" {}\n`);
  });

  test('zones: a Premium service without zones is reported on its sku', () => {
    expectTemplateFindingsAt(availabilityZonesMissing, 'terraform', service('', '⟦"Premium_2"⟧'));
    expectNoTemplateFindings(availabilityZonesMissing, 'terraform', service('  zones = ["1", "2"]\n'));
  });

  test('identity: missing is reported with a fix that adds an identity block; present is fine', () => {
    const { text, findings } = expectTemplateFindingsAt(
      managedIdentityMissing,
      'terraform',
      service('').replace('"azurerm_api_management"', '⟦"azurerm_api_management"⟧'),
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('  sku_name            = "Premium_2"\n  identity {\n    type = "SystemAssigned"\n  }\n}'), fixed);
    expectNoTemplateFindings(managedIdentityMissing, 'terraform', service('  identity {\n    type = "SystemAssigned"\n  }\n'));
  });

  test('virtual_network_type and public_network_access_enabled', () => {
    expectTemplateFindingsAt(networkIsolationMissing, 'terraform', service('  virtual_network_type = ⟦"None"⟧\n'));
    expectNoTemplateFindings(networkIsolationMissing, 'terraform', service('  virtual_network_type = "Internal"\n'));
    expectNoTemplateFindings(networkIsolationMissing, 'terraform', service('  public_network_access_enabled = false\n'));
  });

  test('additional_location blocks are additional regions', () => {
    expectTemplateFindingsAt(
      additionalRegionGatewayDisabled,
      'terraform',
      service('  additional_location {\n    location         = "northeurope"\n    gateway_disabled = ⟦true⟧\n  }\n'),
    );
  });

  test('sign_up and hostname certificates', () => {
    const { text, findings } = expectTemplateFindingsAt(
      developerPortalSignupEnabled,
      'terraform',
      service('  sign_up {\n    enabled = ⟦true⟧\n    terms_of_service {\n      enabled          = false\n      consent_required = false\n    }\n  }\n'),
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('    enabled = false\n    terms_of_service'));
    expectTemplateFindingsAt(
      customDomainCertificateNotInKeyVault,
      'terraform',
      service('  hostname_configuration {\n    proxy {\n      host_name   = "api.contoso.com"\n      certificate = ⟦filebase64("cert.pfx")⟧\n    }\n  }\n'),
    );
    expectNoTemplateFindings(
      customDomainCertificateNotInKeyVault,
      'terraform',
      service(
        '  hostname_configuration {\n    proxy {\n      host_name                = "api.contoso.com"\n      key_vault_certificate_id = "https://kv.vault.azure.net/secrets/cert"\n    }\n  }\n',
      ),
    );
  });
});

describe('Terraform: child resources drive their rules', () => {
  test('azurerm_api_management_api protocols, with a fix written in HCL', () => {
    const { text, findings } = expectTemplateFindingsAt(
      apiHttpAllowed,
      'terraform',
      `resource "azurerm_api_management_api" "api" {
  name                = "echo"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  protocols           = ["https", ⟦"http"⟧]
}
`,
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('protocols           = ["https"]'));
  });

  test('azurerm_api_management_backend tls switches', () => {
    const { text, findings } = expectTemplateFindingsAt(
      backendCertificateValidationDisabled,
      'terraform',
      `resource "azurerm_api_management_backend" "b" {
  name     = "b"
  protocol = "http"
  url      = "https://backend.contoso.com"
  tls {
    validate_certificate_chain = ⟦false⟧
    validate_certificate_name  = true
  }
}
`,
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('validate_certificate_chain = true'));
  });

  test('azurerm_api_management_named_value: secret, value and value_from_key_vault', () => {
    expectTemplateFindingsAt(
      namedValueSecretNotInKeyVault,
      'terraform',
      `resource "azurerm_api_management_named_value" "nv" {
  name         = "backend-key"
  display_name = "backend-key"
  value        = var.key
  secret       = ⟦true⟧
}
`,
    );
    expectNoTemplateFindings(
      namedValueSecretNotInKeyVault,
      'terraform',
      `resource "azurerm_api_management_named_value" "nv" {
  name         = "backend-key"
  display_name = "backend-key"
  secret       = true
  value_from_key_vault {
    secret_id = "https://kv.vault.azure.net/secrets/key"
  }
}
`,
    );
    const findings = runTemplateRule(
      namedValuePlainSecret,
      'terraform',
      `resource "azurerm_api_management_named_value" "nv" {
  name         = "client-secret"
  display_name = "client-secret"
  value        = "s3cr3t-V4lue-9f8e7d6c5b4a"
}
`,
    );
    assert.equal(findings.length, 1);
    const fix = findings[0].fixes[0];
    assert.ok(fix !== undefined);
    assert.deepEqual(
      fix.edits.map((edit) => edit.newText),
      ['\n  secret = true'],
    );
  });

  test('azurerm_api_management_product: approval and subscription', () => {
    expectTemplateFindingsAt(
      productApprovalNotRequired,
      'terraform',
      `resource "azurerm_api_management_product" "p" {
  product_id            = "partners"
  display_name          = "Partners"
  published             = true
  subscription_required = true
  approval_required     = ⟦false⟧
}
`,
    );
    expectTemplateFindingsAt(
      productSubscriptionNotRequired,
      'terraform',
      `resource "azurerm_api_management_product" "p" {
  product_id            = "open"
  display_name          = "Open"
  published             = true
  subscription_required = ⟦false⟧
}
`,
    );
  });

  test('azurerm_api_management_subscription: tracing defaults to true, and no api_id or product_id means all APIs', () => {
    const marked = `resource ⟦"azurerm_api_management_subscription"⟧ "s" {
  api_management_name = "apim"
  display_name        = "all"
}
`;
    const { text, findings } = expectTemplateFindingsAt(subscriptionTracingAllowed, 'terraform', marked);
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('  display_name        = "all"\n  allow_tracing = false\n}'));
    expectTemplateFindingsAt(subscriptionAllApis, 'terraform', marked);
    expectNoTemplateFindings(
      subscriptionTracingAllowed,
      'terraform',
      'resource "azurerm_api_management_subscription" "s" {\n  allow_tracing = false\n  product_id    = azurerm_api_management_product.p.id\n}\n',
    );
    expectNoTemplateFindings(
      subscriptionAllApis,
      'terraform',
      'resource "azurerm_api_management_subscription" "s" {\n  allow_tracing = false\n  product_id    = azurerm_api_management_product.p.id\n}\n',
    );
  });

  test('azurerm_api_management_diagnostic and _api_diagnostic: sampling, verbosity and logged headers', () => {
    const diagnostic = (body: string): string => `resource "azurerm_api_management_api_diagnostic" "d" {
  identifier               = "applicationinsights"
  api_name                 = "echo"
  api_management_logger_id = azurerm_api_management_logger.l.id
${body}}
`;
    expectTemplateFindingsAt(diagnosticSamplingFull, 'terraform', diagnostic('  sampling_percentage = ⟦100⟧\n'));
    const { text, findings } = expectTemplateFindingsAt(diagnosticVerbose, 'terraform', diagnostic('  verbosity = ⟦"verbose"⟧\n'));
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('verbosity = "'));
    expectTemplateFindingsAt(
      diagnosticSensitiveHeaders,
      'terraform',
      diagnostic('  frontend_request {\n    body_bytes     = 0\n    headers_to_log = ["content-type", ⟦"Authorization"⟧]\n  }\n'),
    );
  });
});

describe('Terraform: azapi_resource reads its body like an ARM resource', () => {
  test('a backend without a circuit breaker, and an outdated api version', () => {
    expectTemplateFindingsAt(
      backendCircuitBreakerMissing,
      'terraform',
      `resource "azapi_resource" "backend" {
  type      = ⟦"Microsoft.ApiManagement/service/backends@2024-06-01-preview"⟧
  name      = "b"
  parent_id = azurerm_api_management.apim.id
  body = {
    properties = {
      url      = "https://b.contoso.com"
      protocol = "http"
    }
  }
}
`,
    );
    expectNoTemplateFindings(
      backendCircuitBreakerMissing,
      'terraform',
      `resource "azapi_resource" "backend" {
  type      = "Microsoft.ApiManagement/service/backends@2024-06-01-preview"
  name      = "b"
  body = jsonencode({
    properties = {
      url = "https://b.contoso.com"
      circuitBreaker = { rules = [] }
    }
  })
}
`,
    );
    const findings = runTemplateRule(
      apiVersionOutdated,
      'terraform',
      'resource "azapi_resource" "apim" {\n  type = "Microsoft.ApiManagement/service@2019-12-01"\n  name = "apim"\n  body = { sku = { name = "Premium", capacity = 2 } }\n}\n',
    );
    assert.equal(findings.length, 1);
  });

  test('a service body with customProperties switches', () => {
    expectTemplateFindingsAt(
      legacyTlsEnabled,
      'terraform',
      `resource "azapi_resource" "apim" {
  type = "Microsoft.ApiManagement/service@2024-05-01"
  name = "apim"
  body = {
    sku = { name = "Premium", capacity = 2 }
    properties = {
      customProperties = {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10"         = ⟦"True"⟧
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11"         = "False"
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30"         = "False"
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10" = "False"
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11" = "False"
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30" = "False"
      }
    }
  }
}
`,
    );
  });
});
