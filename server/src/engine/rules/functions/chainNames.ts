import type { EffectivePolicy } from '../../workspace/effectivePolicy';

/**
 * How a message names one chain: `via product free`, `for calls that reach the API without a product
 * subscription`, or `for this document` for a document seen alone.
 */
export function chainLabel(policy: EffectivePolicy): string {
  if (policy.chain.reason === 'standalone') return 'for this document';
  if (policy.chain.product === undefined) return 'for calls that reach the API without a product subscription';
  return policy.chain.name;
}

/** How a message names the chains a problem was found on: `via product free or for calls that reach ...`. */
export function chainNames(policies: readonly EffectivePolicy[]): string {
  return policies.map(chainLabel).join(' or ');
}
