import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives edits elsewhere in the file: the rule id, the file's path relative to the
 * report's base folder, and the finding's line with all whitespace removed (so re-indenting keeps it), but
 * not the line number. Identical lines in one file get an occurrence number so each keeps its own identity.
 */
export function findingFingerprint(ruleId: string, relativePath: string, lineText: string, occurrence: number): string {
  const normalisedLine = lineText.replace(/\s+/g, '');
  return createHash('sha256').update(`${ruleId}\u0000${relativePath}\u0000${normalisedLine}\u0000${occurrence}`).digest('hex').slice(0, 32);
}
