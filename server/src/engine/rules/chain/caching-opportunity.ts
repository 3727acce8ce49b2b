import type { Fix } from '../../findings/finding';
import type { XmlDocument } from '../../policy/syntaxTree';
import { containsPolicy } from '../../workspace/effectiveStatement';
import { sectionHasUnknownParts } from '../functions/chainCertainty';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { pathCoverage } from '../functions/onEveryPath';
import { TOKEN_VALIDATORS } from '../functions/tokenSource';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainRule } from '../policyChainRule';

/** Policies that show the chain already uses the cache, for responses or for values. */
const CACHE_POLICIES = ['cache-lookup', 'cache-lookup-value', 'azure-openai-semantic-cache-lookup', 'llm-semantic-cache-lookup'];

const LOOKUP_MARKUP = '<cache-lookup vary-by-developer="true" vary-by-developer-groups="false" downstream-caching-type="none" />';
const STORE_MARKUP = '<cache-store duration="60" />';

export const cachingOpportunity: PolicyChainRule = {
  meta: {
    id: 'caching-opportunity',
    pillars: ['performance-efficiency', 'cost-optimization'],
    defaultSeverity: 'info',
    title: 'A GET operation never uses the response cache.',
    guidance:
      'Serving a repeated read from the gateway cache answers faster and spares the backend, and on consumption-priced ' +
      'backends it saves money. If the responses of this operation stay valid for a while, add `cache-lookup` to inbound ' +
      'and `cache-store` with a duration to outbound. Skip it for data that must always be fresh or differs per user, and ' +
      'turn the rule off where that is the norm.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-cache',
    productionOnly: true,
  },
  check(context) {
    const operation = context.operation;
    if (context.scope !== 'operation' || operation?.method !== 'GET') return;
    if ((context.api?.information?.type ?? 'http') !== 'http') return;
    for (const policy of context.policies) {
      const inbound = policy.sections.inbound.statements;
      if (sectionHasUnknownParts(policy, 'inbound') || containsPolicy(inbound, CACHE_POLICIES)) return;
      // Token-protected reads are usually per user, and tokens in Authorization are not cached by default.
      if (containsPolicy(inbound, TOKEN_VALIDATORS)) return;
      if (pathCoverage(inbound, ['return-response', 'mock-response']) === 'every-path') return;
    }
    if (context.policies.length === 0) return;
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message: `The GET operation ${operation.name} never uses the response cache: if its responses stay valid for a while, add cache-lookup to inbound and cache-store to outbound.`,
      fixes: cacheEdits(context.document),
    });
  },
};

/** Both insertions as one fix; when both sections are missing they may land at one offset, so they become one edit. */
function cacheEdits(document: XmlDocument): Fix[] {
  const lookup = insertIntoSectionEdit(document, 'inbound', LOOKUP_MARKUP);
  const store = insertIntoSectionEdit(document, 'outbound', STORE_MARKUP);
  if (!lookup || !store) return [];
  const sameInsertionPoint = lookup.span.start === store.span.start && lookup.span.end === lookup.span.start && store.span.end === store.span.start;
  const edits = sameInsertionPoint ? [{ span: lookup.span, newText: lookup.newText + store.newText }] : [lookup, store];
  return [{ title: 'Cache responses for 60 seconds', edits, isPreferred: false }];
}
