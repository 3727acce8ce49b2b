import picomatch from 'picomatch';
import type { Severity } from '../findings/finding';
import type { RuleLevel, RuleSettings } from '../rules/ruleSettings';
import type { ApimStudioConfig, Preset } from './apimStudioConfig';

/** `strict` raises every rule one step: info to warning, warning to error. */
function presetLevel(preset: Preset, defaultSeverity: Severity): RuleLevel {
  if (preset !== 'strict') return defaultSeverity;
  if (defaultSeverity === 'info' || defaultSeverity === 'hint') return 'warning';
  return 'error';
}

function matchesAny(globs: readonly string[], relativePath: string): boolean {
  return globs.length > 0 && picomatch.isMatch(relativePath, globs as string[], { dot: true });
}

/** True when the config's `ignore` globs exclude the file (path relative to the config's folder, `/`-separated). */
export function isIgnored(config: ApimStudioConfig, relativePath: string): boolean {
  return matchesAny(config.ignore, relativePath);
}

/** Rule levels and environment for one file: preset, then `rules`, then each matching override in order. */
export function resolveRuleSettings(config: ApimStudioConfig, relativePath: string): RuleSettings {
  const matching = config.overrides.filter((override) => matchesAny(override.files, relativePath));
  const environment = matching.reduce((current, override) => override.environment ?? current, config.environment);
  return {
    environment,
    levelOf(ruleId, defaultSeverity) {
      let level: RuleLevel = config.rules[ruleId] ?? presetLevel(config.extends, defaultSeverity);
      for (const override of matching) level = override.rules[ruleId] ?? level;
      return level;
    },
  };
}
