import { syntaxDocsUrl } from './docsUrl';
import type { Finding } from './finding';
import type { Span } from '../text/span';

/** A document was analysed only in part. */
export const ANALYSIS_INCOMPLETE_CODE = 'analysis-incomplete';

/**
 * An error, whatever the cause: a CI gate (`--fail-on error`) must not pass because part of a document was
 * never looked at.
 */
export function analysisIncompleteFinding(span: Span, cause: string): Finding {
  return {
    code: ANALYSIS_INCOMPLETE_CODE,
    kind: 'syntax',
    severity: 'error',
    message: `Not fully analysed: ${cause}. Findings in the part not analysed are missing.`,
    span,
    docsUrl: syntaxDocsUrl(ANALYSIS_INCOMPLETE_CODE),
    fixes: [],
  };
}
