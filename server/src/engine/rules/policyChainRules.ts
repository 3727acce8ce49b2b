import { rateLimitMissing } from './chain/rate-limit-missing';
import type { PolicyChainRule } from './policyChainRule';

/** Every rule that reads the effective policy across scopes. */
export const POLICY_CHAIN_RULES: readonly PolicyChainRule[] = [rateLimitMissing];
