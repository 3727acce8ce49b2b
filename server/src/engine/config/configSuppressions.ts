import picomatch from 'picomatch';
import type { ApimStudioConfig, ConfigSuppression } from './apimStudioConfig';

/** True once the day after `expires` has begun (a suppression holds through its expiry date). */
export function isExpired(suppression: ConfigSuppression, today: Date): boolean {
  return suppression.expires !== undefined && today.toISOString().slice(0, 10) > suppression.expires;
}

/** Whether a live (not expired) suppression in the config silences this rule for this file. */
export function isSuppressedByConfig(config: ApimStudioConfig, ruleId: string, relativePath: string, today: Date): boolean {
  return config.suppressions.some(
    (suppression) =>
      suppression.rule === ruleId &&
      !isExpired(suppression, today) &&
      (suppression.files === undefined || picomatch.isMatch(relativePath, suppression.files as string[], { dot: true })),
  );
}
