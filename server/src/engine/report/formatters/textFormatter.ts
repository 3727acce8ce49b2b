import { oneLine } from './oneLine';
import { summariseReview } from '../reviewSummary';
import type { ReportFormatter } from './reportFormatter';

/** `file:line:col severity code message`, one line per finding (1-based line and column), then a summary line. */
export const formatText: ReportFormatter = (result) => {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const finding of file.findings) {
      const position = file.lineMap.positionAt(finding.span.start);
      lines.push(`${oneLine(file.path)}:${position.line + 1}:${position.character + 1} ${finding.severity} ${finding.code} ${oneLine(finding.message)}`);
    }
  }
  const summary = summariseReview(result);
  const counts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => summary.bySeverity[severity] > 0)
    .map((severity) => `${summary.bySeverity[severity]} ${severity}${summary.bySeverity[severity] === 1 ? '' : 's'}`);
  lines.push(`${summary.documents} document${summary.documents === 1 ? '' : 's'} reviewed: ${counts.length > 0 ? counts.join(', ') : 'no findings'}.`);
  return `${lines.join('\n')}\n`;
};
