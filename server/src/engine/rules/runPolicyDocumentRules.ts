import type { XmlDocument } from '../policy/syntaxTree';
import type { PolicySection } from '../policy/policyVocabulary';
import type { PolicyDocumentRule } from './policyRule';
import type { RuleSettings } from './ruleSettings';
import { runRules, type RuleRun } from './runRules';
import type { DocumentScope } from '../policy/policyVocabulary';

export interface PolicyRulesInput {
  readonly text: string;
  readonly document: XmlDocument;
  readonly scope: DocumentScope | undefined;
  readonly parentSectionDrops?: (section: PolicySection) => boolean | undefined;
}

/** Runs every enabled single-document rule on a policy. */
export function runPolicyDocumentRules(input: PolicyRulesInput, rules: readonly PolicyDocumentRule[], settings: RuleSettings): RuleRun {
  return runRules(rules, settings, (report) => ({ ...input, environment: settings.environment, report }));
}
