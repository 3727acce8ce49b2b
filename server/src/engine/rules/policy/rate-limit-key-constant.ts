import { attribute } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { constantAttributeValue } from '../functions/constantValue';
import type { PolicyDocumentRule } from '../policyRule';

/** Policies that keep one counter per `counter-key` value. */
const KEYED_LIMITS = ['rate-limit-by-key', 'quota-by-key', 'llm-token-limit', 'azure-openai-token-limit'];

/** A per-caller key most APIs can use: the subscription when there is one, otherwise the client address. */
const PER_CALLER_KEY = '@(context.Subscription?.Id ?? context.Request.IpAddress)';

export const rateLimitKeyConstant: PolicyDocumentRule = {
  meta: {
    id: 'rate-limit-key-constant',
    pillars: ['security', 'reliability'],
    defaultSeverity: 'warning',
    title: 'A keyed rate limit or quota uses the same counter key for every caller.',
    guidance:
      'A by-key limit keeps one counter per key value, so a constant key makes every caller share a single counter: ' +
      'one busy or abusive client uses up the limit and everyone else is throttled. Key the counter by something ' +
      'that identifies the caller, such as the subscription, a token claim or the client IP address. If a shared ' +
      'ceiling for the whole API is what you want, keep the constant key and suppress this finding with that reason.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy',
  },
  check(context) {
    for (const limit of elementsNamed(context.document, ...KEYED_LIMITS)) {
      const counterKey = attribute(limit, 'counter-key');
      const value = constantAttributeValue(context.text, counterKey);
      if (value === undefined || !counterKey?.valueSpan) continue;
      context.report({
        span: counterKey.valueSpan,
        message: `The ${limit.name} counter-key is always "${value}", so all callers share one counter; key it by caller, for example ${PER_CALLER_KEY}.`,
        fixes: [
          {
            title: 'Key the counter by subscription, or client IP without one',
            edits: [{ span: counterKey.valueSpan, newText: PER_CALLER_KEY }],
            isPreferred: false,
          },
        ],
      });
    }
  },
};
