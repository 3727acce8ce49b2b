import type { Finding } from '../findings/finding';
import { syntaxDocsUrl } from '../findings/docsUrl';
import type { InlineSuppression } from './inlineSuppressions';

export const UNUSED_SUPPRESSION_CODE = 'unused-suppression';

/** A directive that suppresses nothing hides nothing today but would hide a future finding: report it, offer removal. */
export function unusedSuppressionFinding(suppression: InlineSuppression): Finding {
  return {
    code: UNUSED_SUPPRESSION_CODE,
    kind: 'syntax',
    severity: 'info',
    message: `This suppression of ${suppression.ruleIds.join(', ')} matches no finding on the next line; remove it.`,
    span: { start: suppression.commentStart, end: suppression.commentEnd },
    docsUrl: syntaxDocsUrl(UNUSED_SUPPRESSION_CODE),
    fixes: [
      {
        title: 'Remove the unused suppression',
        edits: [{ span: { start: suppression.commentStart, end: suppression.commentEnd }, newText: '' }],
        isPreferred: false,
      },
    ],
  };
}
