import type { RuleSettings } from './ruleSettings';
import { runRules, type RuleRun } from './runRules';
import type { TemplateModel } from '../templates/templateModel';
import type { TemplateRule } from './templateRule';

/** Runs every enabled template rule on a template model, as of `today`. */
export function runTemplateRules(model: TemplateModel, rules: readonly TemplateRule[], settings: RuleSettings, today: Date = new Date()): RuleRun {
  return runRules(rules, settings, (report) => ({ model, environment: settings.environment, today, report }));
}
