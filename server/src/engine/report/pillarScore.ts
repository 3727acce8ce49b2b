import type { Severity } from '../findings/finding';

/** Penalty points per finding; hints are suggestions and cost nothing. */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = { error: 10, warning: 3, info: 1, hint: 0 };

/**
 * A pillar's score from 0 to 100: `max(0, round(100 - 10 * penalty / documents))`, where `penalty` sums
 * SEVERITY_PENALTY over the pillar's findings and `documents` is how many documents were reviewed. One
 * error per document takes a pillar to 0, one warning per document to 70. Dividing by the number of
 * documents keeps a large estate with a few problems from scoring worse than a small one with the same
 * density. Undefined when nothing was reviewed. docs/report.md documents this formula.
 */
export function pillarScore(bySeverity: Readonly<Record<Severity, number>>, documents: number): number | undefined {
  if (documents <= 0) return undefined;
  const penalty = (Object.keys(SEVERITY_PENALTY) as Severity[]).reduce((sum, severity) => sum + SEVERITY_PENALTY[severity] * bySeverity[severity], 0);
  return Math.max(0, Math.round(100 - (10 * penalty) / documents));
}
