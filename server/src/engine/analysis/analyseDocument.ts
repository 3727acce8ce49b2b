import { pathForGlobs, type LocatedConfig } from '../config/configLocator';
import { isSuppressedByConfig } from '../config/configSuppressions';
import { isIgnored, resolveRuleSettings } from '../config/resolveRuleSettings';
import type { DocumentInput, DocumentKind, KindContext } from '../documents/documentKind';
import { documentKindFor } from '../documents/documentKinds';
import type { CommentStyleRegion } from '../findings/commentStyle';
import { syntaxDocsUrl } from '../findings/docsUrl';
import { ANALYSIS_INCOMPLETE_CODE } from '../findings/analysisIncomplete';
import { severityRank, type Finding } from '../findings/finding';
import { capFindingsPerCode, MORE_FINDINGS_CODE } from '../findings/findingCap';
import { PARAMETERS_FILE_NOT_READ_CODE } from '../findings/parametersFileNotRead';
import { applyInlineSuppressions } from '../rules/inlineSuppressions';
import type { RuleFailure } from '../rules/runRules';
import { UNUSED_SUPPRESSION_CODE, unusedSuppressionFinding } from '../rules/unusedSuppressionFinding';
import { LineMap } from '../text/lineMap';
import type { AnalysisContext } from './analysisContext';

/** Codes the analysis itself reports, beside each kind's own. */
export const ANALYSIS_CODES = [
  'document-too-large',
  'internal-error',
  ANALYSIS_INCOMPLETE_CODE,
  MORE_FINDINGS_CODE,
  UNUSED_SUPPRESSION_CODE,
  PARAMETERS_FILE_NOT_READ_CODE,
] as const;

export interface DocumentAnalysis {
  /** The kind that analysed the document, or undefined when no kind claims it. */
  readonly kindId: string | undefined;
  readonly findings: Finding[];
  /** Rules that threw; their findings are missing (each is also an internal-error finding). */
  readonly failures: readonly RuleFailure[];
  /** Parts of the document whose suppression directives take another comment style (policies in heredocs). */
  readonly commentRegions?: readonly CommentStyleRegion[];
}

function analysisFinding(code: (typeof ANALYSIS_CODES)[number], severity: Finding['severity'], message: string): Finding {
  return { code, kind: 'syntax', severity, message, span: { start: 0, end: 0 }, docsUrl: syntaxDocsUrl(code), fixes: [] };
}

/** Where the configuration of one analysed document applies: the config and the document's path relative to it. */
interface ConfigPlace {
  readonly located: LocatedConfig;
  readonly relativePath: string;
  readonly today: Date;
}

/**
 * One document through its kind, then the steps every kind shares: the documents embedded in it (analysed by
 * their own kind, findings mapped back), configuration suppressions, inline suppressions and unused ones.
 */
function analyseWithKind(
  kind: DocumentKind,
  input: DocumentInput,
  context: KindContext,
  place: ConfigPlace,
): { findings: Finding[]; failures: RuleFailure[]; commentRegions: CommentStyleRegion[] } {
  const analysis = kind.analyse(input, context);
  const findings = [...analysis.findings];
  const failures = [...analysis.failures];
  const commentRegions: CommentStyleRegion[] = [];
  for (const embedded of analysis.embedded) {
    const embeddedKind = documentKindFor(embedded.input, context.files);
    if (embeddedKind === undefined) continue;
    if (embedded.rawLinesSpan !== undefined && embeddedKind.commentStyle !== undefined) {
      commentRegions.push({ span: embedded.rawLinesSpan, style: embeddedKind.commentStyle });
    }
    const inner = analyseWithKind(embeddedKind, embedded.input, context, place);
    for (const finding of inner.findings) findings.push(embedded.mapFinding(finding));
    for (const failure of inner.failures) failures.push(failure);
  }
  const configured = findings.filter(
    (finding) => finding.kind !== 'rule' || !isSuppressedByConfig(place.located.config, finding.code, place.relativePath, place.today),
  );
  const { kept, unused } = applyInlineSuppressions(configured, analysis.suppressions, new LineMap(input.text));
  for (const suppression of unused) kept.push(unusedSuppressionFinding(suppression));
  return { findings: kept, failures, commentRegions };
}

/**
 * The one analysis pipeline: finds the kind that claims the document, applies the size limit and the
 * configuration (ignores, rule levels, suppressions), and runs the kind. Never throws: an internal failure
 * becomes a finding.
 */
export function analyseDocument(input: DocumentInput, context: AnalysisContext): DocumentAnalysis {
  const kind = documentKindFor(input, context.files);
  if (!kind) return { kindId: undefined, findings: [], failures: [] };
  try {
    const located = context.configFor(input.path);
    const relativePath = pathForGlobs(located, input.path);
    if (isIgnored(located.config, relativePath)) return { kindId: kind.id, findings: [], failures: [] };
    if (input.text.length > context.settings.maxDocumentSize) {
      // An error, like any document that cannot be analysed fully: a CI gate must not pass a document it never read.
      const message = `Not analysed: the document has ${input.text.length} characters, more than the limit of ${context.settings.maxDocumentSize} (setting apimStudio.maxFileSizeKB); nothing in it is checked until the limit is raised.`;
      return { kindId: kind.id, findings: [analysisFinding('document-too-large', 'error', message)], failures: [] };
    }
    const kindContext: KindContext = {
      files: context.files,
      config: located.config,
      ruleSettings: resolveRuleSettings(located.config, relativePath),
      today: context.today,
      workspaceFor: (path) => context.workspaceFor(path),
      apiReportsCache: context.apiReportsCache,
    };
    const { findings, failures, commentRegions } = analyseWithKind(kind, input, kindContext, { located, relativePath, today: context.today });
    for (const failure of failures) findings.push(internalError(`rule ${failure.ruleId} failed: ${messageOf(failure.error)}; its findings are missing`));
    findings.sort((a, b) => a.span.start - b.span.start || severityRank(a.severity) - severityRank(b.severity) || a.span.end - b.span.end);
    return { kindId: kind.id, findings: capFindingsPerCode(findings), failures, ...(commentRegions.length > 0 ? { commentRegions } : {}) };
  } catch (error) {
    return { kindId: kind.id, findings: [internalError(messageOf(error))], failures: [] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error, not a warning: a CI gate must fail when analysis broke rather than pass with fewer findings. */
function internalError(cause: string): Finding {
  return analysisFinding('internal-error', 'error', `APIM Studio could not analyse this document completely (${cause}). Please report it.`);
}
