import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { isGuessedChain, parentScopesUnseen, sectionHasUnknownParts } from './chainCertainty';
import { chainLabel } from './chainNames';
import { pathCoverage } from './onEveryPath';

/** Which chains lack the named policies in inbound on every path, and whether a hidden parent might add them. */
export interface InboundCoverage {
  /** Chains where none of the policies runs. */
  readonly missing: string[];
  /** Chains where they run only in some branches. */
  readonly partial: string[];
  /**
   * Some lacking chain has unknown parts (a loose document's `<base />`, an unreadable fragment), or rests on
   * scopes the tool cannot see (see parentScopesUnseen).
   */
  readonly uncertain: boolean;
  /**
   * Every lacking chain is a guess (see isGuessedChain): the finding rests entirely on what the folder does not
   * show, so it is a hint, not a claim.
   */
  readonly guessedOnly: boolean;
}

/** Inbound coverage of the named policies over every chain; `skip` leaves chains out (for example ones that never reach a backend). */
export function inboundCoverage(
  policies: readonly EffectivePolicy[],
  names: readonly string[],
  scope: string | undefined,
  skip: (policy: EffectivePolicy) => boolean = () => false,
): InboundCoverage {
  const missing: string[] = [];
  const partial: string[] = [];
  let uncertain = false;
  let guessedOnly = true;
  for (const policy of policies) {
    if (skip(policy)) continue;
    const coverage = pathCoverage(policy.sections.inbound.statements, names);
    if (coverage === 'every-path') continue;
    (coverage === 'none' ? missing : partial).push(chainLabel(policy));
    if (sectionHasUnknownParts(policy, 'inbound') || parentScopesUnseen(scope, [policy])) uncertain = true;
    if (!isGuessedChain(policy)) guessedOnly = false;
  }
  return { missing, partial, uncertain, guessedOnly: scope === undefined || guessedOnly };
}

/** Chain labels for a message: `via product free or for calls that reach the API without a product subscription`, or `for this document` when it stands alone. */
export function describeChains(labels: readonly string[]): string {
  return labels.join(' or ');
}
