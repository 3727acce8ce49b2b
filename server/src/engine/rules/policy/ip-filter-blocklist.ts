import { attribute } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import type { PolicyDocumentRule } from '../policyRule';

export const ipFilterBlocklist: PolicyDocumentRule = {
  meta: {
    id: 'ip-filter-blocklist',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'An ip-filter policy blocks listed addresses and lets every other address in.',
    guidance:
      'A block list only stops the addresses you already know about; an attacker who changes address walks straight in. When ' +
      'the callers are known (partners, your own networks, a front door), allow those addresses and deny the rest. Keep a block ' +
      'list only as an extra layer for abusive addresses, behind authentication and rate limits.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/ip-filter-policy',
  },
  check(context) {
    for (const filter of elementsNamed(context.document, 'ip-filter')) {
      const action = attribute(filter, 'action');
      if (!action?.valueSpan || action.embedded.length > 0 || action.value?.trim().toLowerCase() !== 'forbid') continue;
      // No fix: turning forbid into allow inverts the list's meaning; the addresses to allow are different ones.
      context.report({
        span: action.valueSpan,
        message: 'This ip-filter blocks only the listed addresses (action="forbid"); where callers are known, allow their addresses instead.',
      });
    }
  },
};
