import { isAbsolute, relative, sep } from 'node:path';
import { apiopsArtifactPosition } from '../templates/apiops/apiopsArtifactPosition';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import { severityRank, type Finding, type FindingKind, type Severity } from '../findings/finding';
import { PILLAR_TITLES, PILLARS, type Pillar } from '../rules/pillar';
import { ruleMetaById } from '../rules/ruleCatalog';
import type { FileError, FileReview, ReviewResult, RuleFailureReport } from '../review/reviewResult';
import { coverageMatrix, type CoverageRow } from './coverageMatrix';
import { findingExcerpt, type FindingExcerpt } from './findingExcerpt';
import { findingFingerprint } from './findingFingerprint';
import { pillarScore } from './pillarScore';

/** Syntax and schema findings (and anything no rule owns) belong to no pillar: the report shows them apart. */
export const CORRECTNESS_GROUP = 'correctness';

export type ReportGroupId = Pillar | typeof CORRECTNESS_GROUP;

export const REPORT_GROUP_TITLES: Readonly<Record<ReportGroupId, string>> = { ...PILLAR_TITLES, [CORRECTNESS_GROUP]: 'Correctness' };

/** A 1-based line and column (UTF-16 code units), as people and SARIF count them. */
export interface ReportPosition {
  readonly line: number;
  readonly column: number;
}

export interface ReportFinding {
  readonly ruleId: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly message: string;
  /** Absolute path. */
  readonly file: string;
  /** `/`-separated path relative to the report's base folder; undefined when the file lies outside it. */
  readonly relativePath: string | undefined;
  /** The relative path, or the absolute one for files outside the base folder. */
  readonly displayPath: string;
  /** What the file configures (`orders-api`, `product starter`, `global`, ...); the API filter groups by it. */
  readonly api: string;
  readonly start: ReportPosition;
  readonly end: ReportPosition;
  /** A short window around the range on its first line, secrets masked (findingExcerpt): what reports may print. */
  readonly excerpt: FindingExcerpt;
  readonly docsUrl: string;
  /** Stable across runs and unrelated edits (see findingFingerprint). */
  readonly fingerprint: string;
}

/** One rule within a group, with what to do about it. */
export interface ReportRule {
  readonly id: string;
  readonly title: string;
  /** Empty for codes that are not Well-Architected rules (syntax, schema, configuration). */
  readonly guidance: string;
  readonly learnMoreUrl: string | undefined;
  readonly docsUrl: string;
  /** The group the rule's findings count in: its first pillar (or correctness). */
  readonly group: ReportGroupId;
  /** The rule's other pillars, shown as tags; its findings do not count there. */
  readonly otherPillars: readonly Pillar[];
  readonly findings: readonly ReportFinding[];
}

export interface ReportGroup {
  readonly id: ReportGroupId;
  readonly title: string;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** 0-100, see pillarScore; undefined when no document was reviewed. */
  readonly score: number | undefined;
  readonly rules: readonly ReportRule[];
}

export interface ReviewReport {
  readonly baseFolder: string;
  readonly documents: number;
  readonly findingCount: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** The five pillars in PILLARS order, then correctness. */
  readonly groups: readonly ReportGroup[];
  readonly coverage: readonly CoverageRow[];
  /** Every `api` value findings and coverage rows carry, sorted, for the API filter. */
  readonly apis: readonly string[];
  readonly errors: readonly FileError[];
  readonly ruleFailures: readonly RuleFailureReport[];
}

function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

/** A file's `/`-separated path relative to the base folder; undefined when it lies outside. */
export function relativePathOf(baseFolder: string, file: string): string | undefined {
  const path = relative(baseFolder, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

function workspaceOf(workspaces: readonly PolicyWorkspace[], file: string): { workspace: PolicyWorkspace; path: string } | undefined {
  const matches = workspaces
    .map((workspace) => ({ workspace, path: workspace.relativePathOf(file) }))
    .filter((match): match is { workspace: PolicyWorkspace; path: string } => match.path !== undefined)
    .sort((a, b) => b.workspace.root.length - a.workspace.root.length);
  return matches[0];
}

/** What a file configures, in the terms the coverage matrix and the API filter use. */
function apiLabelOf(workspaces: readonly PolicyWorkspace[], file: string, displayPath: string): string {
  const match = workspaceOf(workspaces, file);
  if (match === undefined) return displayPath;
  const scope = match.workspace.scopeOf(match.path);
  switch (scope?.kind) {
    case 'api':
    case 'operation':
      return scope.api;
    case 'product':
      return `product ${scope.product}`;
    case 'global':
      return 'global';
    case 'workspace':
      return `workspace ${scope.workspace}`;
    case 'fragment':
      return `fragment ${scope.fragment}`;
    default:
      return artifactLabel(match.path) ?? match.path;
  }
}

/** APIOps information files: the API they belong to (`orders`), else their kind and name (`backends orders-backend`). */
function artifactLabel(path: string): string | undefined {
  const position = apiopsArtifactPosition(path);
  if (!position) return undefined;
  const kinds = position.type.split('/').slice(2);
  const names = position.nameSegments.slice(1);
  if (kinds[0] === 'apis' && names[0]) return names[0];
  if (kinds[0] === 'products' && names[0]) return `product ${names[0]}`;
  const name = names[names.length - 1];
  return name ? `${kinds[kinds.length - 1]} ${name}` : kinds[kinds.length - 1];
}

/** A finding counts in one group, its rule's primary (first) pillar, so the groups' counts add up to the total. */
function groupOfFinding(finding: Finding): ReportGroupId {
  if (finding.kind !== 'rule') return CORRECTNESS_GROUP;
  return ruleMetaById(finding.code)?.pillars[0] ?? CORRECTNESS_GROUP;
}

function lineTextAt(file: FileReview, line: number): string {
  const start = file.lineMap.lineStart(line);
  const next = line + 1 < file.lineMap.lineCount ? file.lineMap.lineStart(line + 1) : file.text.length;
  return file.text.slice(start, next).replace(/[\r\n]+$/, '');
}

/** A finding as the report shows it, with the group (primary pillar or correctness) it counts in. */
interface GroupedFinding {
  readonly finding: ReportFinding;
  readonly group: ReportGroupId;
}

function reportFindingsOf(file: FileReview, baseFolder: string, workspaces: readonly PolicyWorkspace[]): GroupedFinding[] {
  const relativePath = relativePathOf(baseFolder, file.path);
  const displayPath = relativePath ?? file.path.split(sep).join('/');
  const api = apiLabelOf(workspaces, file.path, displayPath);
  const occurrences = new Map<string, number>();
  return file.findings.map((finding) => {
    const start = file.lineMap.positionAt(finding.span.start);
    const end = file.lineMap.positionAt(finding.span.end);
    const lineText = lineTextAt(file, start.line);
    const key = `${finding.code}\u0000${lineText.replace(/\s+/g, '')}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const endColumn = end.line === start.line ? end.character : lineText.length;
    return {
      group: groupOfFinding(finding),
      finding: {
        ruleId: finding.code,
        kind: finding.kind,
        severity: finding.severity,
        message: finding.message,
        file: file.path,
        relativePath,
        displayPath,
        api,
        start: { line: start.line + 1, column: start.character + 1 },
        end: { line: end.line + 1, column: end.character + 1 },
        excerpt: findingExcerpt(finding.code, lineText, start.character, endColumn),
        docsUrl: finding.docsUrl,
        fingerprint: findingFingerprint(finding.code, displayPath, lineText, occurrence),
      },
    };
  });
}

function ruleOf(id: string, entries: readonly GroupedFinding[]): ReportRule {
  const first = entries[0];
  const meta = first.finding.kind === 'rule' ? ruleMetaById(id) : undefined;
  return {
    id,
    title: meta?.title ?? id,
    guidance: meta?.guidance ?? '',
    learnMoreUrl: meta?.learnMoreUrl,
    docsUrl: first.finding.docsUrl,
    group: first.group,
    otherPillars: meta?.pillars.slice(1) ?? [],
    findings: entries.map((entry) => entry.finding),
  };
}

/** Worst severity first, then more findings first, then by id, so the most pressing rule leads. */
function compareRules(a: ReportRule, b: ReportRule): number {
  const worst = (rule: ReportRule): number => rule.findings.reduce((best, finding) => Math.min(best, severityRank(finding.severity)), Number.POSITIVE_INFINITY);
  return worst(a) - worst(b) || b.findings.length - a.findings.length || a.id.localeCompare(b.id);
}

function groupOf(id: ReportGroupId, entries: readonly GroupedFinding[], documents: number): ReportGroup {
  const bySeverity = emptyCounts();
  const byRule = new Map<string, GroupedFinding[]>();
  for (const entry of entries) {
    bySeverity[entry.finding.severity]++;
    const list = byRule.get(entry.finding.ruleId) ?? [];
    list.push(entry);
    byRule.set(entry.finding.ruleId, list);
  }
  const rules = [...byRule].map(([ruleId, list]) => ruleOf(ruleId, list)).sort(compareRules);
  return { id, title: REPORT_GROUP_TITLES[id], bySeverity, score: pillarScore(bySeverity, documents), rules };
}

/**
 * The review as a report: findings grouped by pillar (a rule with several pillars counts in its first, the others
 * are tags) then rule, a score per group, and the coverage matrix. Markdown, HTML and the editor's webview all
 * render this one model. `baseFolder` makes paths relative (the CLI uses the working directory).
 */
export function buildReviewReport(result: ReviewResult, baseFolder: string): ReviewReport {
  const entries = result.files.flatMap((file) => reportFindingsOf(file, baseFolder, result.workspaces));
  const bySeverity = emptyCounts();
  for (const entry of entries) bySeverity[entry.finding.severity]++;
  const groupIds: readonly ReportGroupId[] = [...PILLARS, CORRECTNESS_GROUP];
  const groups = groupIds.map((id) =>
    groupOf(
      id,
      entries.filter((entry) => entry.group === id),
      result.documentCount,
    ),
  );
  const coverage = coverageMatrix(result.workspaces);
  const apis = [...new Set([...entries.map((entry) => entry.finding.api), ...coverage.map((row) => row.api)])].sort((a, b) => a.localeCompare(b));
  return {
    baseFolder,
    documents: result.documentCount,
    findingCount: entries.length,
    bySeverity,
    groups,
    coverage,
    apis,
    errors: result.errors,
    ruleFailures: result.ruleFailures,
  };
}
