import { backendUrlExposed } from './policy/backend-url-exposed';
import type { PolicyDocumentRule } from './policyRule';
import { tracingEnabled } from './policy/tracing-enabled';
import { corsCredentialsWildcard } from './policy/cors-credentials-wildcard';
import { corsWildcard } from './policy/cors-wildcard';
import { errorDetailsExposed } from './policy/error-details-exposed';
import { hardcodedEnvironmentValue } from './policy/hardcoded-environment-value';
import { insecureUrl } from './policy/insecure-url';
import { ipFilterBlocklist } from './policy/ip-filter-blocklist';
import { jwtValidationWeak } from './policy/jwt-validation-weak';
import { secretInPolicy } from './policy/secret-in-policy';
import { validateContentNoMaxSize } from './policy/validate-content-no-max-size';
import { validationNotEnforced } from './policy/validation-not-enforced';
import { rateLimitKeyConstant } from './policy/rate-limit-key-constant';
import { retryUnbounded } from './policy/retry-unbounded';
import { retryNonIdempotent } from './policy/retry-non-idempotent';
import { backendByUrl } from './policy/backend-by-url';
import { timeoutMissing } from './policy/timeout-missing';
import { sendRequestErrorsIgnored } from './policy/send-request-errors-ignored';
import { bodyReadWithoutPreserve } from './policy/body-read-without-preserve';
import { baseMissing } from './policy/base-missing';
import { forwardRequestMissing } from './policy/forward-request-missing';
import { quotaMissing } from './policy/quota-missing';

/** Every rule that reads a single policy document. Order is the order findings appear in. */
export const POLICY_DOCUMENT_RULES: readonly PolicyDocumentRule[] = [
  tracingEnabled,
  secretInPolicy,
  jwtValidationWeak,
  insecureUrl,
  corsCredentialsWildcard,
  corsWildcard,
  ipFilterBlocklist,
  errorDetailsExposed,
  backendUrlExposed,
  validationNotEnforced,
  validateContentNoMaxSize,
  hardcodedEnvironmentValue,
  rateLimitKeyConstant,
  retryUnbounded,
  retryNonIdempotent,
  backendByUrl,
  timeoutMissing,
  sendRequestErrorsIgnored,
  bodyReadWithoutPreserve,
  baseMissing,
  forwardRequestMissing,
  quotaMissing,
];
