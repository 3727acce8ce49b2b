import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { sectionHasUnknownParts } from './chainCertainty';
import { pathCoverage } from './onEveryPath';

/** Which chains lack the named policies in inbound on every path, and whether a hidden parent might add them. */
export interface InboundCoverage {
  /** Chains where none of the policies runs. */
  readonly missing: string[];
  /** Chains where they run only in some branches. */
  readonly partial: string[];
  /** Some lacking chain has unknown parts (a loose document's `<base />`, an unreadable fragment). */
  readonly uncertain: boolean;
}

/** Inbound coverage of the named policies over every chain; `skip` leaves chains out (for example ones that never reach a backend). */
export function inboundCoverage(policies: readonly EffectivePolicy[], names: readonly string[], skip: (policy: EffectivePolicy) => boolean = () => false): InboundCoverage {
  const missing: string[] = [];
  const partial: string[] = [];
  let uncertain = false;
  for (const policy of policies) {
    if (skip(policy)) continue;
    const coverage = pathCoverage(policy.sections.inbound.statements, names);
    if (coverage === 'every-path') continue;
    (coverage === 'none' ? missing : partial).push(policy.chain.name);
    if (sectionHasUnknownParts(policy, 'inbound')) uncertain = true;
  }
  return { missing, partial, uncertain };
}

/** Chain names for a message: `via product free or without a product`, or `for this document` when it stands alone. */
export function describeChains(names: readonly string[]): string {
  return names.length === 1 && names[0] === 'standalone' ? 'for this document' : names.join(' or ');
}
