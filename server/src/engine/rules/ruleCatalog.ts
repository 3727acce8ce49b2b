import { POLICY_CHAIN_RULES } from './policyChainRules';
import { POLICY_DOCUMENT_RULES } from './policyDocumentRules';
import type { RuleMeta } from './ruleMeta';
import { TEMPLATE_RULES } from './templateRules';

/** The metadata of every rule, whatever it reads; config validation, reports and SARIF use it. */
export function allRuleMetas(): readonly RuleMeta[] {
  return [...POLICY_DOCUMENT_RULES, ...POLICY_CHAIN_RULES, ...TEMPLATE_RULES].map((rule) => rule.meta);
}

export function ruleMetaById(id: string): RuleMeta | undefined {
  return allRuleMetas().find((meta) => meta.id === id);
}
