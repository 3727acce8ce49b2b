import { SEVERITY_ORDER } from '../../findings/finding';
import { COVERAGE_COLUMNS } from '../coverageColumns';
import type { CoverageRow } from '../coverageMatrix';
import { vscodeFileUrl } from '../html/escapeHtml';
import { escapeMarkdown, markdownPathTarget } from '../markdownEscape';
import { buildReviewReport, type ReportFinding, type ReportRule, type ReviewReport } from '../reviewReport';
import type { ReportFormatter } from './reportFormatter';

const STATUS_MARKS = { ok: '✅ ok', partial: '⚠️ partial', missing: '❌ missing' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numericFrom: number): string[] {
  const align = head.map((_, index) => (index >= numericFrom ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function rowLabel(row: CoverageRow): string {
  const workspace = row.apimWorkspace === undefined ? '' : `${escapeMarkdown(row.apimWorkspace)} / `;
  if (row.kind === 'operation') return `${workspace}${escapeMarkdown(row.api)} / ${escapeMarkdown(row.operation ?? '')}`;
  if (row.kind === 'document') return `document ${escapeMarkdown(row.api)}`;
  return `${workspace}**${escapeMarkdown(row.api)}**`;
}

function coverageLines(report: ReviewReport): string[] {
  if (report.coverage.length === 0) return ['No APIs or policy documents with a scope were found.'];
  const rows = report.coverage.map((row) => [
    rowLabel(row),
    ...COVERAGE_COLUMNS.map((column) => {
      const cell = row.cells[column.id];
      return cell.lacking.length === 0 ? STATUS_MARKS[cell.status] : `${STATUS_MARKS[cell.status]} (lacking: ${escapeMarkdown(cell.lacking.join('; '))})`;
    }),
  ]);
  return [
    ...table(['API / operation', ...COVERAGE_COLUMNS.map((column) => column.title)], rows, COVERAGE_COLUMNS.length + 1),
    '',
    ...COVERAGE_COLUMNS.map((column) => `- **${column.title}**: ${column.description}`),
  ];
}

/** Relative links (with GitHub's `#L<line>`) for files under the base folder; `vscode://file` links otherwise. */
function findingLine(finding: ReportFinding): string {
  const target =
    finding.relativePath === undefined
      ? vscodeFileUrl(finding.file, finding.start.line, finding.start.column)
      : `${markdownPathTarget(finding.relativePath)}#L${finding.start.line}`;
  const label = escapeMarkdown(`${finding.displayPath}:${finding.start.line}:${finding.start.column}`);
  return `- **${finding.severity}** [${label}](<${target}>) ${escapeMarkdown(finding.message)}`;
}

function ruleLines(rule: ReportRule): string[] {
  const links = [`[Rule documentation](${rule.docsUrl})`, ...(rule.learnMoreUrl === undefined ? [] : [`[Learn more](${rule.learnMoreUrl})`])].join(' · ');
  return [
    `#### ${escapeMarkdown(rule.title)} (\`${rule.id}\`): ${plural(rule.findings.length, 'finding')}`,
    '',
    // Guidance is our own Markdown (code spans for policy names), never workspace text.
    ...(rule.guidance === '' ? [] : [rule.guidance, '']),
    links,
    '',
    ...rule.findings.map(findingLine),
    '',
  ];
}

/** The same report as the HTML page and the webview (same model, same sections), as GitHub-flavoured Markdown. */
export const formatMarkdown: ReportFormatter = (result, options) => {
  const report = buildReviewReport(result, options.baseFolder);
  const counts = SEVERITY_ORDER.filter((severity) => report.bySeverity[severity] > 0).map((severity) => plural(report.bySeverity[severity], severity));
  const pillarRows = report.groups.map((group) => [
    group.title,
    group.score === undefined ? 'n/a' : String(group.score),
    ...SEVERITY_ORDER.map((severity) => String(group.bySeverity[severity])),
  ]);
  const problems = [
    ...report.errors.map((error) => `- Cannot read ${escapeMarkdown(error.path)}: ${escapeMarkdown(error.message)}`),
    ...report.ruleFailures.map((failure) => `- Rule \`${failure.ruleId}\` failed on ${escapeMarkdown(failure.path)}: ${escapeMarkdown(failure.message)}`),
  ];
  const lines = [
    '# APIM Studio review',
    '',
    `${plural(report.documents, 'document')} reviewed in ${escapeMarkdown(report.baseFolder)}: ${counts.length > 0 ? counts.join(', ') : 'no findings'}.`,
    '',
    '## Well-Architected pillars',
    '',
    ...table(['Pillar', 'Score', ...SEVERITY_ORDER], pillarRows, 1),
    '',
    'Score: 100 minus 10 × penalty points per reviewed document (error 10, warning 3, info 1, hint 0), never below 0.',
    '',
    '## Coverage',
    '',
    ...coverageLines(report),
    '',
    '## Findings',
    '',
    ...report.groups.flatMap((group) => [`### ${group.title}`, '', ...(group.rules.length === 0 ? ['No findings.', ''] : group.rules.flatMap(ruleLines))]),
    ...(problems.length === 0 ? [] : ['## Problems during the review', '', ...problems, '']),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
};
