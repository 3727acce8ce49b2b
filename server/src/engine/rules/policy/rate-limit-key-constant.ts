import { attribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { constantAttributeValue } from '../functions/constantValue';
import type { PolicyDocumentRule } from '../policyRule';

/** Policies that keep one counter per `counter-key` value. */
const KEYED_LIMITS = ['rate-limit-by-key', 'quota-by-key', 'llm-token-limit', 'azure-openai-token-limit'];

/** A per-caller key most APIs can use: the subscription when there is one, otherwise the client address. */
const PER_CALLER_KEY = '@(context.Subscription?.Id ?? context.Request.IpAddress)';

/** Limits that always count per subscription. */
const PER_SUBSCRIPTION_LIMITS = ['rate-limit', 'quota'];

/**
 * A limit that counts each caller separately: the per-subscription policies, or a keyed limit whose key is
 * computed per request. Beside one of these, a constant-key limit is a deliberate shared capacity guard.
 */
function countsPerCaller(limit: XmlElement, text: string): boolean {
  if (PER_SUBSCRIPTION_LIMITS.includes(limit.name)) return true;
  const counterKey = attribute(limit, 'counter-key');
  return counterKey?.value !== undefined && counterKey.value.trim() !== '' && constantAttributeValue(text, counterKey) === undefined;
}

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
      'ceiling is what you want (a global token budget, a per-backend capacity counter), add a per-caller limit beside it ' +
      'so no single caller can use it up; the rule stays silent when one runs in the same policy.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy',
  },
  check(context) {
    const limits = elementsNamed(context.document, ...KEYED_LIMITS, ...PER_SUBSCRIPTION_LIMITS);
    // A shared counter beside a per-caller limit is a capacity guard, not the only limit a caller meets.
    if (limits.some((limit) => countsPerCaller(limit, context.text))) return;
    // Parent scopes (a product's rate-limit) may count per caller; only the global scope has none above it.
    const uncertain = context.scope !== 'global';
    for (const limit of limits.filter((element) => KEYED_LIMITS.includes(element.name))) {
      const counterKey = attribute(limit, 'counter-key');
      const value = constantAttributeValue(context.text, counterKey);
      if (value === undefined || !counterKey?.valueSpan) continue;
      context.report({
        span: counterKey.valueSpan,
        message: `The ${limit.name} counter-key is always "${value}", so all callers share one counter${uncertain ? ' unless a parent scope also limits each caller' : ''}; key it by caller, for example ${PER_CALLER_KEY}, or add a per-caller limit beside it.`,
        uncertain,
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
