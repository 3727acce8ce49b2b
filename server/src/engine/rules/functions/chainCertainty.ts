import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import type { PolicySection } from '../../policy/policyVocabulary';

/**
 * True when part of a section's effective policy is out of sight: a loose document (or a chain level of
 * unknown kind) whose `<base />` pulls in a parent we cannot read, or a fragment that could not be read.
 */
export function sectionHasUnknownParts(policy: EffectivePolicy, section: PolicySection): boolean {
  const contributions = policy.sections[section].contributions;
  const unknownParent = contributions.length > 0 && contributions[0].level.kind === 'unknown' && contributions[0].state === 'base-present';
  const unreadableFragment = policy.problems.some((problem) => problem.kind === 'fragment-missing' || problem.kind === 'fragment-unreadable');
  return unknownParent || unreadableFragment;
}

/** Reasons a chain exists that rest on what the folder does not show (no parents, unknown products). */
const GUESSED_CHAINS: ReadonlySet<string> = new Set(['standalone', 'membership-unknown', 'subscription-unknown']);

/**
 * True when an absence found on these chains may be filled where the tool cannot look: the document's scope is
 * unknown (a loose file, a snippet, a policy embedded in a template whose products live elsewhere), or a chain
 * only exists because product membership or the subscription requirement is unknown.
 */
export function parentScopesUnseen(scope: string | undefined, policies: readonly EffectivePolicy[]): boolean {
  return scope === undefined || policies.some(isGuessedChain);
}

/** A chain that exists only because the folder does not show a document's parents, its products or its subscription requirement. */
export function isGuessedChain(policy: EffectivePolicy): boolean {
  return GUESSED_CHAINS.has(policy.chain.reason);
}

/** The clause absence messages add when parentScopesUnseen holds. */
export const UNSEEN_PARENTS_NOTE = ' (APIM Studio cannot see all the parent scopes, which may add one)';
