import type { Severity } from '../findings/finding';
import type { Environment } from './policyRule';

export type RuleLevel = Severity | 'off';

/** How rules are configured for one document (resolved from .apim-studio.json, CLI flags and editor settings). */
export interface RuleSettings {
  readonly environment: Environment;
  /** The level of a rule for this document; `defaultSeverity` when nothing configures it. */
  levelOf(ruleId: string, defaultSeverity: Severity): RuleLevel;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  environment: 'production',
  levelOf: (_ruleId, defaultSeverity) => defaultSeverity,
};
