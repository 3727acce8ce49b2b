import type { Severity } from '../findings/finding';
import type { ReviewResult } from '../review/reviewResult';

export interface ReviewSummary {
  readonly documents: number;
  readonly findings: number;
  readonly bySeverity: Record<Severity, number>;
}

export function summariseReview(result: ReviewResult): ReviewSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let findings = 0;
  for (const file of result.files) {
    for (const finding of file.findings) {
      bySeverity[finding.severity]++;
      findings++;
    }
  }
  return { documents: result.documentCount, findings, bySeverity };
}
