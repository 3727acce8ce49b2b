import { rateLimitMissing } from './chain/rate-limit-missing';
import { serverHeadersExposed } from './chain/server-headers-exposed';
import { cacheVaryMissing } from './chain/cache-vary-missing';
import { cachingOpportunity } from './chain/caching-opportunity';
import { concurrencyLimitMissing } from './chain/concurrency-limit-missing';
import { tokenLimitMissing } from './chain/token-limit-missing';
import { authMissing } from './chain/auth-missing';
import { contentValidationMissing } from './chain/content-validation-missing';
import { retryMissing } from './chain/retry-missing';
import { circuitBreakerMissing } from './chain/circuit-breaker-missing';
import type { PolicyChainRule } from './policyChainRule';

/** Every rule that reads the effective policy across scopes. */
export const POLICY_CHAIN_RULES: readonly PolicyChainRule[] = [
  rateLimitMissing,
  serverHeadersExposed,
  cacheVaryMissing,
  cachingOpportunity,
  concurrencyLimitMissing,
  tokenLimitMissing,
  authMissing,
  contentValidationMissing,
  retryMissing,
  circuitBreakerMissing,
];
