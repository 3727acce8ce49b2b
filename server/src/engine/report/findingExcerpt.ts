/** Rules whose finding range is a secret's value: every report format masks it. */
const SECRET_RULES: ReadonlySet<string> = new Set(['secret-in-policy']);

/** What stands for a masked secret, whatever its length (the length itself would leak). */
export const SECRET_MASK = '••••••';

/** Characters of context shown on each side of the finding's range. */
const CONTEXT = 40;

/** A short window of the finding's first line: the range itself, with a little context on each side. */
export interface FindingExcerpt {
  readonly before: string;
  /** The range's text on its first line; SECRET_MASK for secrets. */
  readonly target: string;
  readonly after: string;
}

/** True when the finding's range holds a secret that no report may print. */
export function isSecretFinding(ruleId: string): boolean {
  return SECRET_RULES.has(ruleId);
}

/**
 * The one masking and windowing rule of every report format: at most CONTEXT characters either side of the range
 * (cut ends marked `…`, so a whole escaped `policyContent` line never shows), and a secret's range replaced by
 * SECRET_MASK. `startColumn` and `endColumn` are 0-based on `lineText`; a range running past the line ends there.
 */
export function findingExcerpt(ruleId: string, lineText: string, startColumn: number, endColumn: number): FindingExcerpt {
  const start = Math.max(0, Math.min(startColumn, lineText.length));
  const end = Math.max(start, Math.min(endColumn, lineText.length));
  const windowStart = Math.max(0, start - CONTEXT);
  const windowEnd = Math.min(lineText.length, end + CONTEXT);
  const before = (windowStart > 0 ? '…' : '') + lineText.slice(windowStart, start).trimStart();
  const after = lineText.slice(end, windowEnd).trimEnd() + (windowEnd < lineText.length ? '…' : '');
  const targetText = lineText.slice(start, end);
  const target = isSecretFinding(ruleId) ? SECRET_MASK : targetText.length > 2 * CONTEXT ? `${targetText.slice(0, 2 * CONTEXT)}…` : targetText;
  return { before, target, after };
}

/** The excerpt as one line of plain text. */
export function excerptText(excerpt: FindingExcerpt): string {
  return `${excerpt.before}${excerpt.target}${excerpt.after}`;
}
