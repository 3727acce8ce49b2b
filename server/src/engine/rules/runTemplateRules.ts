import type { RuleSettings } from './ruleSettings';
import { runRules, type RuleRun } from './runRules';
import type { TemplateModel } from '../templates/templateModel';
import type { DeploymentView } from '../workspace/deploymentView';
import type { TemplateRule } from './templateRule';

/** Runs every enabled template rule on a template model, as of `today`, seeing what its deployment declares when known. */
export function runTemplateRules(
  model: TemplateModel,
  rules: readonly TemplateRule[],
  settings: RuleSettings,
  today: Date = new Date(),
  deployment?: DeploymentView,
): RuleRun {
  return runRules(rules, settings, (report) => ({ model, environment: settings.environment, today, report, ...(deployment ? { deployment } : {}) }));
}
