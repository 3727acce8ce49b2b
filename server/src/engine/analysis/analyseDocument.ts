import { documentKindFor } from '../documents/documentKinds';
import type { DocumentInput } from '../documents/documentKind';
import { severityRank, type Finding } from '../findings/finding';
import type { RuleFailure } from '../rules/runRules';
import { syntaxDocsUrl } from '../findings/docsUrl';
import { UNUSED_SUPPRESSION_CODE } from '../rules/unusedSuppressionFinding';
import type { AnalysisContext } from './analysisContext';

/** Codes the analysis itself reports, beside each kind's own. */
export const ANALYSIS_CODES = ['document-too-large', 'internal-error', UNUSED_SUPPRESSION_CODE] as const;

export interface DocumentAnalysis {
  /** The kind that analysed the document, or undefined when no kind claims it. */
  readonly kindId: string | undefined;
  readonly findings: Finding[];
  /** Rules that threw; their findings are missing. */
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
    const findings = [...analysis.findings].sort((a, b) => a.span.start - b.span.start || severityRank(a.severity) - severityRank(b.severity) || a.span.end - b.span.end);
    return { kindId: kind.id, findings, failures: analysis.failures };
  } catch (error) {
    return {
      kindId: kind.id,
      findings: [
        {
          code: 'internal-error',
          kind: 'syntax',
          severity: 'warning',
          message: `APIM Studio could not analyse this document (${error instanceof Error ? error.message : String(error)}). Please report it.`,
          span: { start: 0, end: 0 },
          docsUrl: syntaxDocsUrl('internal-error'),
          fixes: [],
        },
      ],
      failures: [],
    };
  }
}
