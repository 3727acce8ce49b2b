import { SEVERITY_ORDER } from '../../findings/finding';
import { COVERAGE_COLUMNS } from '../coverageColumns';
import type { CoverageRow } from '../coverageMatrix';
import { REPORT_GROUP_TITLES, type ReportFinding, type ReportGroup, type ReportRule, type ReviewReport } from '../reviewReport';
import { escapeHtml, safeHttpsUrl, vscodeFileUrl } from './escapeHtml';
import { REPORT_SCRIPT } from './reportScript';
import { REPORT_STYLES } from './reportStyles';

/** Guidance marks policy and attribute names with backticks, as in Markdown; show them as code. Input is already escaped. */
function withInlineCode(escaped: string): string {
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Where the page is shown: a browser (links use `vscode://file`), or the editor's webview (links post messages). */
export type ReportHost = 'browser' | 'webview';

export interface HtmlRenderOptions {
  readonly host: ReportHost;
  /** Fresh per render; only the page's own style and script carry it. Base64 characters only. */
  readonly nonce: string;
}

/** Export formats the webview's buttons offer; the extension accepts exactly these. */
export const WEBVIEW_EXPORT_FORMATS = ['markdown', 'html', 'sarif'] as const;

const EXPORT_TITLES: Readonly<Record<(typeof WEBVIEW_EXPORT_FORMATS)[number], string>> = {
  markdown: 'Export Markdown',
  html: 'Export HTML',
  sarif: 'Export SARIF',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function scoreCell(group: ReportGroup): string {
  if (group.score === undefined) return '<td class="number">n/a</td>';
  return `<td class="number"><meter min="0" max="100" low="50" high="80" optimum="100" value="${group.score}"></meter> ${group.score}</td>`;
}

function summaryTable(report: ReviewReport): string {
  const head = `<tr><th>Pillar</th><th>Score</th>${SEVERITY_ORDER.map((severity) => `<th>${severity}</th>`).join('')}</tr>`;
  const rows = report.groups.map(
    (group) =>
      `<tr><td><a href="#group-${group.id}">${escapeHtml(group.title)}</a></td>${scoreCell(group)}${SEVERITY_ORDER.map((severity) => `<td class="number">${group.bySeverity[severity]}</td>`).join('')}</tr>`,
  );
  return `<table class="pillars">${head}${rows.join('')}</table>`;
}

function rowLabel(row: CoverageRow): string {
  const workspace = row.apimWorkspace === undefined ? '' : `<span class="muted">workspace ${escapeHtml(row.apimWorkspace)} / </span>`;
  if (row.kind === 'operation') return `${workspace}${escapeHtml(row.api)} <span class="muted">/</span> ${escapeHtml(row.operation ?? '')}`;
  if (row.kind === 'document') return `<span class="muted">document</span> ${escapeHtml(row.api)}`;
  return `${workspace}<strong>${escapeHtml(row.api)}</strong>`;
}

/** The row's label as plain text, for the tooltip of a label the first column cuts short. */
function rowTitle(row: CoverageRow): string {
  const workspace = row.apimWorkspace === undefined ? '' : `workspace ${row.apimWorkspace} / `;
  if (row.kind === 'operation') return `${workspace}${row.api} / ${row.operation ?? ''}`;
  if (row.kind === 'document') return `document ${row.api}`;
  return `${workspace}${row.api}`;
}

function coverageTable(report: ReviewReport): string {
  if (report.coverage.length === 0) return '<p class="muted">No APIs or policy documents with a scope were found.</p>';
  const head = `<tr><th>API / operation</th>${COVERAGE_COLUMNS.map((column) => `<th title="${escapeHtml(column.description)}">${escapeHtml(column.title)}</th>`).join('')}</tr>`;
  const rows = report.coverage.map((row) => {
    const cells = COVERAGE_COLUMNS.map((column) => {
      const cell = row.cells[column.id];
      const lacking = cell.lacking.length === 0 ? '' : `<span class="lacking">lacking: ${escapeHtml(cell.lacking.join('; '))}</span>`;
      return `<td class="cell-${cell.status}">${cell.status}${lacking}</td>`;
    });
    return `<tr class="coverage-row" data-api-key="${escapeHtml(row.api)}"><td title="${escapeHtml(rowTitle(row))}">${rowLabel(row)}</td>${cells.join('')}</tr>`;
  });
  // The table scrolls in its own box (both ways), its first column and header row stay in view.
  return `<div class="table-scroll"><table class="coverage">${head}${rows.join('')}</table></div>`;
}

function findingItem(finding: ReportFinding): string {
  const location = `${finding.displayPath}:${finding.start.line}:${finding.start.column}`;
  const link =
    `<a class="location" href="${escapeHtml(vscodeFileUrl(finding.file, finding.start.line, finding.start.column))}" ` +
    `data-file="${escapeHtml(finding.file)}" data-line="${finding.start.line}" data-column="${finding.start.column}">${escapeHtml(location)}</a>`;
  const { before, target, after } = finding.excerpt;
  const excerpt =
    `${before}${target}${after}`.trim() === '' ? '' : `<pre class="excerpt">${escapeHtml(before)}<mark>${escapeHtml(target)}</mark>${escapeHtml(after)}</pre>`;
  return (
    `<li class="finding" data-severity="${finding.severity}" data-api-key="${escapeHtml(finding.api)}">` +
    `<span class="severity severity-${finding.severity}">${finding.severity}</span> ${link} ${escapeHtml(finding.message)}${excerpt}</li>`
  );
}

/** Rules with more findings than this start collapsed; so do files with more than this many findings of one rule. */
const OPEN_LIMIT = 10;

/** A rule's findings in one file, collapsible: forty identical findings in one file are one line until opened. */
function fileGroup(file: string, findings: readonly ReportFinding[]): string {
  const open = findings.length <= OPEN_LIMIT ? ' open' : '';
  return (
    `<details class="file"${open}><summary><span class="path">${escapeHtml(file)}</span> <span class="muted">(${plural(findings.length, 'finding')})</span></summary>` +
    `<ul class="findings">${findings.map(findingItem).join('')}</ul></details>`
  );
}

function ruleArticle(rule: ReportRule): string {
  const learnMore = safeHttpsUrl(rule.learnMoreUrl);
  const docs = safeHttpsUrl(rule.docsUrl);
  const links = [docs ? `<a href="${escapeHtml(docs)}">Rule documentation</a>` : '', learnMore ? `<a href="${escapeHtml(learnMore)}">Learn more</a>` : '']
    .filter((link) => link !== '')
    .join(' · ');
  const guidance = rule.guidance === '' ? '' : `<p class="guidance">${withInlineCode(escapeHtml(rule.guidance))}</p>`;
  const tags = rule.otherPillars
    .map(
      (pillar) => `<span class="tag" title="Also concerns this pillar (counted under its first pillar only)">${escapeHtml(REPORT_GROUP_TITLES[pillar])}</span>`,
    )
    .join('');
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of rule.findings) byFile.set(finding.displayPath, [...(byFile.get(finding.displayPath) ?? []), finding]);
  const open = rule.findings.length <= OPEN_LIMIT ? ' open' : '';
  return (
    `<details class="rule"${open}><summary><h4>${escapeHtml(rule.title)} <code>${escapeHtml(rule.id)}</code> <span class="muted">(${plural(rule.findings.length, 'finding')} in ${plural(byFile.size, 'file')})</span>${tags}</h4></summary>` +
    `${guidance}${links === '' ? '' : `<p>${links}</p>`}${[...byFile].map(([file, findings]) => fileGroup(file, findings)).join('')}</details>`
  );
}

function groupSection(group: ReportGroup): string {
  const body = group.rules.length === 0 ? '<p class="muted">No findings.</p>' : group.rules.map(ruleArticle).join('');
  return `<section class="group" id="group-${group.id}" data-group="${group.id}"><h3>${escapeHtml(group.title)}</h3>${body}</section>`;
}

function filterBar(report: ReviewReport): string {
  const options = (values: readonly { value: string; label: string }[]): string =>
    values.map((option) => `<option value="${escapeHtml(option.value)}">${escapeHtml(option.label)}</option>`).join('');
  const groups = options([{ value: '', label: 'All pillars' }, ...report.groups.map((group) => ({ value: group.id, label: group.title }))]);
  const severities = options([{ value: '', label: 'All severities' }, ...SEVERITY_ORDER.map((severity) => ({ value: severity, label: severity }))]);
  const apis = options([{ value: '', label: 'All APIs' }, ...report.apis.map((api) => ({ value: api, label: api }))]);
  return (
    '<div class="filters" id="filters" hidden>' +
    `<label>Pillar <select id="filter-group">${groups}</select></label>` +
    `<label>Severity <select id="filter-severity">${severities}</select></label>` +
    `<label>API <select id="filter-api">${apis}</select></label></div>`
  );
}

/** How the score is computed, in words (pillarScore; docs/report.md). */
export const SCORE_FORMULA =
  'Score = 100 − 10 × (penalty points ÷ documents reviewed), never below 0. Each finding costs penalty points by severity: ' +
  'error 10, warning 3, info 1, hint 0. On average one error per document gives 0, one warning per document 70; dividing by the ' +
  'documents keeps a large estate with a few findings from scoring worse than a small one. Each finding counts in one pillar only: ' +
  'its rule’s first pillar (other pillars are tags), so the pillar counts add up to the total.';

/** For a folder with nothing to review: what the review looks for and which files it reads. */
function emptyState(): string {
  return (
    '<section class="empty-state"><h2>Nothing to review here yet</h2>' +
    '<p>The review reads these files under the workspace folders (skipping <code>node_modules</code>, <code>.git</code>, <code>dist</code> and <code>out</code>):</p><ul>' +
    '<li>policy documents: <code>policy.xml</code>, <code>*.policy.xml</code>, <code>*.apim.xml</code>, and XML files whose root is <code>&lt;policies&gt;</code> or <code>&lt;fragment&gt;</code>;</li>' +
    '<li>ARM deployment templates (JSON whose <code>$schema</code> names <code>deploymentTemplate.json</code>) and <code>.bicep</code> files that declare API Management resources;</li>' +
    '<li>APIOps information files (<code>apiInformation.json</code>, <code>productInformation.json</code>, <code>backendInformation.json</code>, ...) and <code>.apim-studio.json</code>.</li></ul>' +
    '<p>It looks for policy syntax and schema mistakes and for Well-Architected findings (security, reliability, performance, cost, operations) ' +
    'across scopes: global, product, API and operation, through <code>&lt;base /&gt;</code> and fragments.</p></section>'
  );
}

function problemsSection(report: ReviewReport): string {
  const lines = [
    ...report.errors.map((error) => `Cannot read ${error.path}: ${error.message}`),
    ...report.ruleFailures.map((failure) => `Rule ${failure.ruleId} failed on ${failure.path}: ${failure.message}`),
  ];
  if (lines.length === 0) return '';
  return `<h2>Problems during the review</h2><ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
}

/**
 * The report as one self-contained HTML page: inline style and script under a nonce-based CSP, nothing
 * loaded from anywhere, every workspace-derived value escaped. The browser export and the webview share it.
 */
export function renderReportHtml(report: ReviewReport, options: HtmlRenderOptions): string {
  // The nonce lands in attributes and the CSP unescaped, so keep only the characters a nonce may have.
  const nonce = options.nonce.replace(/[^A-Za-z0-9+/=]/g, '');
  const counts = SEVERITY_ORDER.filter((severity) => report.bySeverity[severity] > 0).map((severity) => plural(report.bySeverity[severity], severity));
  const actions =
    options.host === 'webview'
      ? `<div class="actions">${WEBVIEW_EXPORT_FORMATS.map((format) => `<button type="button" data-action="export" data-format="${format}">${EXPORT_TITLES[format]}</button>`).join('')}<button type="button" data-action="rerun">Re-run</button></div>`
      : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>APIM Studio review</title>',
    `<style nonce="${nonce}">${REPORT_STYLES}</style>`,
    '</head>',
    `<body data-host="${options.host}">`,
    '<h1>APIM Studio review</h1>',
    `<p class="meta">${plural(report.documents, 'document')} reviewed in ${escapeHtml(report.baseFolder)}: ${counts.length > 0 ? counts.join(', ') : 'no findings'}.</p>`,
    actions,
    ...(report.documents === 0 ? [emptyState()] : []),
    '<h2 id="pillars">Well-Architected pillars</h2>',
    summaryTable(report),
    `<p class="muted score-formula">${SCORE_FORMULA}</p>`,
    filterBar(report),
    '<h2 id="coverage">Coverage</h2>',
    coverageTable(report),
    '<h2 id="findings">Findings</h2>',
    report.groups.map(groupSection).join(''),
    problemsSection(report),
    `<script nonce="${nonce}">${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
