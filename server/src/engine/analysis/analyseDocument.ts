import { documentKindFor } from '../documents/documentKinds';
import type { DocumentInput } from '../documents/documentKind';
import { severityRank, type Finding } from '../findings/finding';
import type { RuleFailure } from '../rules/runRules';
import { syntaxDocsUrl } from '../findings/docsUrl';
import { ANALYSIS_INCOMPLETE_CODE } from '../findings/analysisIncomplete';
import { capFindingsPerCode, MORE_FINDINGS_CODE } from '../findings/findingCap';
import { UNUSED_SUPPRESSION_CODE } from '../rules/unusedSuppressionFinding';
import type { AnalysisContext } from './analysisContext';

/** Codes the analysis itself reports, beside each kind's own. */
export const ANALYSIS_CODES = ['document-too-large', 'internal-error', ANALYSIS_INCOMPLETE_CODE, MORE_FINDINGS_CODE, UNUSED_SUPPRESSION_CODE] as const;

export interface DocumentAnalysis {
  /** The kind that analysed the document, or undefined when no kind claims it. */
  readonly kindId: string | undefined;
  readonly findings: Finding[];
  /** Rules that threw; their findings are missing (each is also an internal-error finding). */
  readonly failures: readonly RuleFailure[];
}

/** Analyses one document with the kind that claims it. Never throws: an internal failure becomes a finding. */
export function analyseDocument(input: DocumentInput, context: AnalysisContext): DocumentAnalysis {
  const settings = context.settings;
  const kind = documentKindFor(input);
  if (!kind) return { kindId: undefined, findings: [], failures: [] };
  if (input.text.length > settings.maxDocumentSize) {
    return {
      kindId: kind.id,
      findings: [
        {
          code: 'document-too-large',
          kind: 'syntax',
          severity: 'info',
          message: `Not analysed: the document has ${input.text.length} characters, more than the limit of ${settings.maxDocumentSize} (setting apimStudio.maxFileSizeKB).`,
          span: { start: 0, end: 0 },
          docsUrl: syntaxDocsUrl('document-too-large'),
          fixes: [],
        },
      ],
      failures: [],
    };
  }
  try {
    const analysis = kind.analyse(input, context);
    const failed = analysis.failures.map((failure) => internalError(`rule ${failure.ruleId} failed: ${messageOf(failure.error)}; its findings are missing`));
    const findings = [...analysis.findings, ...failed].sort((a, b) => a.span.start - b.span.start || severityRank(a.severity) - severityRank(b.severity) || a.span.end - b.span.end);
    return { kindId: kind.id, findings: capFindingsPerCode(findings), failures: analysis.failures };
  } catch (error) {
    return { kindId: kind.id, findings: [internalError(messageOf(error))], failures: [] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error, not a warning: a CI gate must fail when analysis broke rather than pass with fewer findings. */
function internalError(cause: string): Finding {
  return {
    code: 'internal-error',
    kind: 'syntax',
    severity: 'error',
    message: `APIM Studio could not analyse this document completely (${cause}). Please report it.`,
    span: { start: 0, end: 0 },
    docsUrl: syntaxDocsUrl('internal-error'),
    fixes: [],
  };
}
