import type { Environment } from '../rules/policyRule';
import type { RuleLevel } from '../rules/ruleSettings';
import type { ApimStudioConfig } from './apimStudioConfig';

/** Settings given on the command line; they beat everything in `.apim-studio.json`, overrides included. */
export interface ConfigOverlay {
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly environment: Environment | undefined;
}

export const EMPTY_CONFIG_OVERLAY: ConfigOverlay = { rules: {}, environment: undefined };

/**
 * The config with the overlay on top: overlay rule levels replace the config's and are removed from its
 * file overrides (which would otherwise win for matching files), and the overlay environment replaces
 * the config's and its overrides'.
 */
export function overlayConfig(config: ApimStudioConfig, overlay: ConfigOverlay): ApimStudioConfig {
  const { environment } = overlay;
  if (Object.keys(overlay.rules).length === 0 && environment === undefined) return config;
  return {
    ...config,
    environment: environment ?? config.environment,
    rules: { ...config.rules, ...overlay.rules },
    overrides: config.overrides.map((override) => ({
      files: override.files,
      rules: Object.fromEntries(Object.entries(override.rules).filter(([ruleId]) => !(ruleId in overlay.rules))),
      ...(environment === undefined && override.environment !== undefined ? { environment: override.environment } : {}),
    })),
  };
}
