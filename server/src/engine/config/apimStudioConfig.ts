import type { Environment } from '../rules/policyRule';
import type { RuleLevel } from '../rules/ruleSettings';

export const CONFIG_FILE_NAME = '.apim-studio.json';

export const PRESETS = ['recommended', 'strict', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

export const GATEWAYS = ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'] as const;
export type Gateway = (typeof GATEWAYS)[number];

export interface ConfigOverride {
  /** Globs relative to the config file's folder. */
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly environment?: Environment;
}

export interface ConfigSuppression {
  readonly rule: string;
  /** Globs relative to the config file's folder; every file when absent. */
  readonly files?: readonly string[];
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies and is reported. */
  readonly expires?: string;
}

/** `.apim-studio.json`, after validation: every field has a value. */
export interface ApimStudioConfig {
  readonly extends: Preset;
  readonly environment: Environment;
  readonly gateway: Gateway;
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly overrides: readonly ConfigOverride[];
  readonly ignore: readonly string[];
  readonly suppressions: readonly ConfigSuppression[];
}

export const DEFAULT_CONFIG: ApimStudioConfig = {
  extends: 'recommended',
  environment: 'production',
  gateway: 'classic',
  rules: {},
  overrides: [],
  ignore: [],
  suppressions: [],
};
