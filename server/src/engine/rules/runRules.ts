import type { Finding, Severity } from '../findings/finding';
import { severityRank } from '../findings/finding';
import { ruleDocsUrl } from '../findings/docsUrl';
import { FindingCap } from '../findings/findingCap';
import type { RuleReport } from './policyRule';
import type { RuleMeta } from './ruleMeta';
import type { RuleSettings } from './ruleSettings';

/** A rule that threw: its id and error, so the server can log it while the other rules still report. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly error: unknown;
}

export interface RuleRun {
  readonly findings: Finding[];
  readonly failures: RuleFailure[];
}

interface CheckingRule<C> {
  readonly meta: RuleMeta;
  check(context: C): void;
}

/** Uncertain reports are never louder than info, guesses never louder than hint. */
function severityOf(level: Severity, item: RuleReport): Severity {
  const cap = item.guess ? 'hint' : item.uncertain ? 'info' : undefined;
  return cap !== undefined && severityRank(level) < severityRank(cap) ? cap : level;
}

/**
 * Runs every enabled rule with a context built for it; one rule's exception never hides another rule's
 * findings. `skip` lets the caller drop a report (for example one already made at the API level).
 */
export function runRules<C>(
  rules: readonly CheckingRule<C>[],
  settings: RuleSettings,
  contextFor: (report: (item: RuleReport) => void) => C,
  skip: (ruleId: string, item: RuleReport) => boolean = () => false,
): RuleRun {
  // Capped while collected: past the cap a report is counted, never turned into a finding, so 600,000 reports
  // of one rule hold no memory.
  const findings = new FindingCap();
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    const level = settings.levelOf(rule.meta.id, rule.meta.defaultSeverity);
    if (level === 'off') continue;
    if (rule.meta.productionOnly && settings.environment !== 'production') continue;
    const report = (item: RuleReport): void => {
      if (skip(rule.meta.id, item)) return;
      const severity = severityOf(level, item);
      if (!findings.accepts(rule.meta.id)) {
        findings.count(rule.meta.id, 'rule', severity, item.span);
        return;
      }
      findings.push({
        code: rule.meta.id,
        kind: 'rule',
        severity,
        message: item.message,
        span: item.span,
        docsUrl: ruleDocsUrl(rule.meta.id),
        fixes: item.fixes ?? [],
      });
    };
    try {
      rule.check(contextFor(report));
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  return { findings: findings.close(), failures };
}
