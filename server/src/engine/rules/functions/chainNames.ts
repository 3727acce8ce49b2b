import type { EffectivePolicy } from '../../workspace/effectivePolicy';

/**
 * How a message names the chains a problem was found on: `via product free or without a product`, or
 * `for this document` for a document seen alone.
 */
export function chainNames(policies: readonly EffectivePolicy[]): string {
  const names = policies.map((policy) => policy.chain.name);
  return names.length === 1 && policies[0].chain.reason === 'standalone' ? 'for this document' : names.join(' or ');
}
