/**
 * The words every part of the engine uses for where policy runs: the four sections of a policy document
 * and the levels of the APIM hierarchy a policy is attached at. Defined once, here.
 */

/** The four sections of a policy document, in the order APIM expects them. */
export const POLICY_SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];

export function isPolicySection(name: string): name is PolicySection {
  return (POLICY_SECTIONS as readonly string[]).includes(name);
}

/** A level of the hierarchy a policy can be attached at, from broadest to narrowest. */
export type ScopeName = 'global' | 'workspace' | 'product' | 'api' | 'operation';

/** What a policy document is: the policy of one scope level, or a policy fragment (which runs where it is included). */
export type DocumentScope = ScopeName | 'fragment';
