import { documentKindFor } from '../documents/documentKinds';
import type { DocumentInput } from '../documents/documentKind';
import type { Finding } from '../findings/finding';
import { syntaxDocsUrl } from '../findings/docsUrl';
import { UNUSED_SUPPRESSION_CODE } from '../rules/unusedSuppressionFinding';
import type { AnalysisContext } from './analysisContext';

/** Codes the analysis itself reports, beside each kind's own. */
export const ANALYSIS_CODES = ['document-too-large', 'internal-error', UNUSED_SUPPRESSION_CODE] as const;

export interface DocumentAnalysis {
  /** The kind that analysed the document, or undefined when no kind claims it. */
  readonly kindId: string | undefined;
  readonly findings: Finding[];
}

/** Analyses one document with the kind that claims it. Never throws: an internal failure becomes a finding. */
export function analyseDocument(input: DocumentInput, context: AnalysisContext): DocumentAnalysis {
  const settings = context.settings;
  const kind = documentKindFor(input);
  if (!kind) return { kindId: undefined, findings: [] };
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
    };
  }
  try {
    return { kindId: kind.id, findings: kind.analyse(input, context) };
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
    };
  }
}
