import { attribute } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import type { PolicyDocumentRule } from '../policyRule';

/** The largest max-size the documentation allows without a support request: 100 KB. */
const MAX_DOCUMENTED_BODY_SIZE = 102_400;

export const validateContentNoMaxSize: PolicyDocumentRule = {
  meta: {
    id: 'validate-content-no-max-size',
    pillars: ['security', 'performance-efficiency'],
    defaultSeverity: 'warning',
    title: 'A validate-content policy sets a body size limit above the documented 100 KB maximum.',
    guidance:
      'The gateway buffers a body to validate it, so the size limit is what keeps large payloads from tying up memory and ' +
      'the backend. The documented maximum for max-size is 102,400 bytes; a larger value needs a limit raised by support and ' +
      'otherwise is not what the gateway enforces. Keep max-size at or below 102,400 and as close as practical to the largest ' +
      'body the operation really accepts.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validate-content-policy',
  },
  check(context) {
    for (const element of elementsNamed(context.document, 'validate-content')) {
      // A missing max-size is a schema error (the attribute is required), reported by the policy schema check.
      const maxSize = attribute(element, 'max-size');
      if (!maxSize?.valueSpan || maxSize.embedded.length > 0) continue;
      const text = maxSize.value?.trim() ?? '';
      if (!/^\d+$/.test(text) || Number(text) <= MAX_DOCUMENTED_BODY_SIZE) continue;
      context.report({
        span: maxSize.valueSpan,
        message: `max-size="${text}" on <validate-content> is above the documented maximum of ${MAX_DOCUMENTED_BODY_SIZE} bytes; lower it to the largest body the API accepts.`,
        fixes: [
          {
            title: `Set max-size to ${MAX_DOCUMENTED_BODY_SIZE}`,
            edits: [{ span: maxSize.valueSpan, newText: String(MAX_DOCUMENTED_BODY_SIZE) }],
            isPreferred: false,
          },
        ],
      });
    }
  },
};
