import { summariseReview } from '../reviewSummary';
import type { ReportFormatter } from './reportFormatter';

/** Version of the JSON report's shape; bump when a field changes meaning. */
export const JSON_REPORT_VERSION = 1;

/** JSON with absolute file paths and 0-based LSP positions. */
export const formatJson: ReportFormatter = (result) => {
  const findings = result.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      kind: finding.kind,
      severity: finding.severity,
      message: finding.message,
      file: file.path,
      range: { start: file.lineMap.positionAt(finding.span.start), end: file.lineMap.positionAt(finding.span.end) },
      docsUrl: finding.docsUrl,
    })),
  );
  return `${JSON.stringify({ version: JSON_REPORT_VERSION, findings, summary: summariseReview(result), errors: result.errors }, null, 2)}\n`;
};
