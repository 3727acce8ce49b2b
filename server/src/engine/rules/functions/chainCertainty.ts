import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { type PolicySection } from '../../policy/policyVocabulary';

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
