import { attribute } from '../../policy/syntaxTree';
import { elementsNamed, isExpressionValue } from '../../policy/treeQueries';
import type { PolicyDocumentRule } from '../policyRule';

export const backendByUrl: PolicyDocumentRule = {
  meta: {
    id: 'backend-by-url',
    pillars: ['reliability', 'operational-excellence'],
    defaultSeverity: 'info',
    title: 'set-backend-service points at a URL instead of a backend entity.',
    guidance:
      'A `base-url` sends requests straight to that address, so none of the settings a backend entity carries ' +
      'apply: no circuit breaker, no load-balanced pool, no per-backend TLS validation or credentials, and the ' +
      'URL has to be changed in every policy that repeats it. Define a backend (in the portal, Bicep or APIOps ' +
      '`backends/`) with that URL and refer to it with `backend-id`. A plain URL is fine for quick tests or for a ' +
      'target that really has no backend entity.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    for (const setBackend of elementsNamed(context.document, 'set-backend-service')) {
      const baseUrl = attribute(setBackend, 'base-url');
      // A URL computed per request is a routing decision (often a hand-written pool); a named value is still one URL.
      if (!baseUrl?.value?.trim() || isExpressionValue(baseUrl)) continue;
      context.report({
        span: baseUrl.span,
        message: `set-backend-service sends requests to "${baseUrl.value}" directly, bypassing backend entities (circuit breaker, pool, TLS settings); define a backend with this URL and use backend-id instead.`,
      });
    }
  },
};
