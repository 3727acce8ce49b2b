import type { TemplateRule } from './templateRule';
import { additionalRegionGatewayDisabled } from './template/additional-region-gateway-disabled';
import { customDomainCertificateNotInKeyVault } from './template/custom-domain-certificate-not-in-key-vault';
import { defaultProductPresent } from './template/default-product-present';
import { developerPortalSignupEnabled } from './template/developer-portal-signup-enabled';
import { multiRegionMissing } from './template/multi-region-missing';
import { namedValuePlainSecret } from './template/named-value-plain-secret';
import { observabilityMissing } from './template/observability-missing';
import { platformStv1 } from './template/platform-stv1';
import { productApprovalNotRequired } from './template/product-approval-not-required';
import { wildcardOperation } from './template/wildcard-operation';
import { apiHttpAllowed } from './template/api-http-allowed';
import { apiVersionOutdated } from './template/api-version-outdated';
import { availabilityZonesMissing } from './template/availability-zones-missing';
import { backendCertificateValidationDisabled } from './template/backend-certificate-validation-disabled';
import { backendCircuitBreakerMissing } from './template/backend-circuit-breaker-missing';
import { developerTierInProduction } from './template/developer-tier-in-production';
import { diagnosticSamplingFull } from './template/diagnostic-sampling-full';
import { diagnosticSensitiveHeaders } from './template/diagnostic-sensitive-headers';
import { diagnosticVerbose } from './template/diagnostic-verbose';
import { insecureBackendUrl } from './template/insecure-backend-url';
import { legacyTlsEnabled } from './template/legacy-tls-enabled';
import { managedIdentityMissing } from './template/managed-identity-missing';
import { managementEndpointsEnabled } from './template/management-endpoints-enabled';
import { namedValueSecretNotInKeyVault } from './template/named-value-secret-not-in-key-vault';
import { networkIsolationMissing } from './template/network-isolation-missing';
import { productSubscriptionNotRequired } from './template/product-subscription-not-required';
import { singleUnitCapacity } from './template/single-unit-capacity';
import { subscriptionAllApis } from './template/subscription-all-apis';
import { subscriptionTracingAllowed } from './template/subscription-tracing-allowed';
import { weakCiphersEnabled } from './template/weak-ciphers-enabled';
import { keyVaultForNonSecret } from './template/key-vault-for-non-secret';
import { secretInOutput } from './template/secret-in-output';
import { backendCredentialPlain } from './template/backend-credential-plain';
import { minApiVersionMissing } from './template/min-api-version-missing';
import { certificateExpiring } from './template/certificate-expiring';
import { descriptionMissing } from './template/description-missing';
import { productTermsMissing } from './template/product-terms-missing';
import { defenderForApisDisabled } from './template/defender-for-apis-disabled';

/** Every template (ARM JSON and Bicep) rule, in the order they run. */
export const TEMPLATE_RULES: readonly TemplateRule[] = [
  legacyTlsEnabled,
  weakCiphersEnabled,
  apiHttpAllowed,
  insecureBackendUrl,
  backendCertificateValidationDisabled,
  networkIsolationMissing,
  managementEndpointsEnabled,
  availabilityZonesMissing,
  singleUnitCapacity,
  developerTierInProduction,
  managedIdentityMissing,
  namedValueSecretNotInKeyVault,
  apiVersionOutdated,
  productSubscriptionNotRequired,
  subscriptionAllApis,
  subscriptionTracingAllowed,
  backendCircuitBreakerMissing,
  diagnosticVerbose,
  diagnosticSamplingFull,
  diagnosticSensitiveHeaders,
  defaultProductPresent,
  productApprovalNotRequired,
  wildcardOperation,
  platformStv1,
  additionalRegionGatewayDisabled,
  multiRegionMissing,
  customDomainCertificateNotInKeyVault,
  namedValuePlainSecret,
  observabilityMissing,
  developerPortalSignupEnabled,
  keyVaultForNonSecret,
  secretInOutput,
  backendCredentialPlain,
  minApiVersionMissing,
  certificateExpiring,
  descriptionMissing,
  productTermsMissing,
  defenderForApisDisabled,
];
