import type { Finding } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import type { XmlDocument } from '../policy/syntaxTree';
import type { PolicyDocumentRule, RuleReport } from './policyRule';
import type { DocumentScope } from '../schema/schemaContext';
import type { RuleSettings } from './ruleSettings';

/** A rule that threw: its id and error, so the server can log it while the other rules still report. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly error: unknown;
}

export interface PolicyRulesInput {
  readonly text: string;
  readonly document: XmlDocument;
  readonly scope: DocumentScope | undefined;
}

/** Runs every enabled document rule; one rule's exception never hides another rule's findings. */
export function runPolicyDocumentRules(
  input: PolicyRulesInput,
  rules: readonly PolicyDocumentRule[],
  settings: RuleSettings,
): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    const level = settings.levelOf(rule.meta.id, rule.meta.defaultSeverity);
    if (level === 'off') continue;
    if (rule.meta.productionOnly && settings.environment !== 'production') continue;
    const report = (item: RuleReport): void => {
      findings.push({
        code: rule.meta.id,
        kind: 'rule',
        severity: level,
        message: item.message,
        span: item.span,
        docsUrl: ruleDocsUrl(rule.meta.id),
        fixes: item.fixes ?? [],
      });
    };
    try {
      rule.check({ text: input.text, document: input.document, scope: input.scope, environment: settings.environment, report });
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  return { findings, failures };
}
