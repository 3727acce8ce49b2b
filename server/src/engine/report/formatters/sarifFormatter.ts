import { pathToFileURL } from 'node:url';
import type { Severity } from '../../findings/finding';
import { ruleDocsUrl } from '../../findings/docsUrl';
import { allRuleMetas } from '../../rules/ruleCatalog';
import { buildReviewReport, type ReportFinding, type ReviewReport } from '../reviewReport';
import type { ReportFormatter } from './reportFormatter';

/** SARIF has no "hint"; both info and hint are notes. */
const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The key of our fingerprint in `partialFingerprints`; bump the version if the fingerprint's recipe changes. */
export const SARIF_FINGERPRINT_KEY = 'apimStudioFinding/v1';

const SOURCE_ROOT = 'SRCROOT';

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri: string;
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: { readonly pillars: readonly string[]; readonly tags: readonly string[] };
}

/** `rate-limit-missing` -> `RateLimitMissing`: SARIF's `name` is an identifier-like form of the id. */
function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** Every Well-Architected rule, then the other codes (syntax, schema, configuration) that occur in the results. */
function sarifRules(report: ReviewReport): SarifRule[] {
  const rules: SarifRule[] = allRuleMetas().map((meta) => ({
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.guidance },
    helpUri: ruleDocsUrl(meta.id),
    help: { text: `${meta.guidance} Learn more: ${meta.learnMoreUrl}` },
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
    properties: { pillars: meta.pillars, tags: ['well-architected', ...meta.pillars] },
  }));
  const known = new Set(rules.map((rule) => rule.id));
  const others = report.groups.flatMap((group) => group.rules).filter((rule) => !known.has(rule.id));
  for (const rule of others.sort((a, b) => a.id.localeCompare(b.id))) {
    if (known.has(rule.id)) continue;
    known.add(rule.id);
    const first = rule.findings[0];
    const description =
      first.kind === 'syntax' ? 'The document is not well-formed XML.' : 'The document breaks the APIM policy schema or the configuration format.';
    rules.push({
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: description },
      fullDescription: { text: description },
      helpUri: rule.docsUrl,
      help: { text: `See ${rule.docsUrl}` },
      defaultConfiguration: { level: SARIF_LEVEL[first.severity] },
      properties: { pillars: [], tags: ['correctness', first.kind] },
    });
  }
  return rules;
}

/** A relative URI under SRCROOT for files inside the base folder; an absolute file URI otherwise. */
function artifactLocation(finding: ReportFinding): { uri: string; uriBaseId?: string } {
  if (finding.relativePath === undefined) return { uri: pathToFileURL(finding.file).href };
  return { uri: finding.relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function baseUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * SARIF 2.1.0 for code-scanning tools: a `rules` array with descriptions, help and pillars; results with
 * 1-based physical locations relative to SRCROOT (the base folder) and line-number-free fingerprints.
 */
export const formatSarif: ReportFormatter = (result, options) => {
  const report = buildReviewReport(result, options.baseFolder);
  const rules = sarifRules(report);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // A finding counted in several pillars is one object in every group, so the Set keeps it once.
  const findings = [...new Set(report.groups.flatMap((group) => group.rules.flatMap((rule) => rule.findings)))];
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId));
  const results = findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding),
          region: { startLine: finding.start.line, startColumn: finding.start.column, endLine: finding.end.line, endColumn: finding.end.column },
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
  }));
  const notifications = [
    ...report.errors.map((error) => ({ level: 'error' as const, message: { text: `Cannot read ${error.path}: ${error.message}` } })),
    ...report.ruleFailures.map((failure) => ({
      level: 'error' as const,
      message: { text: `Rule ${failure.ruleId} failed on ${failure.path}: ${failure.message}` },
    })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'APIM Studio',
            version: options.toolVersion,
            informationUri: 'https://github.com/apim-studio/apim-studio',
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: baseUri(options.baseFolder) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
