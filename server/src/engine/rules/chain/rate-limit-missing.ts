import { UNSEEN_PARENTS_NOTE } from '../functions/chainCertainty';
import { describeChains, inboundCoverage } from '../functions/chainCoverage';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainRule } from '../policyChainRule';

/** Policies that cap how much one caller (or everyone) can send. */
export const THROTTLING_POLICIES = ['rate-limit', 'rate-limit-by-key', 'quota', 'quota-by-key', 'llm-token-limit', 'azure-openai-token-limit'];

const RATE_LIMIT_MARKUP = '<rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress)" />';

export const rateLimitMissing: PolicyChainRule = {
  meta: {
    id: 'rate-limit-missing',
    pillars: ['security', 'reliability', 'cost-optimization'],
    defaultSeverity: 'warning',
    title: 'No rate limit or quota runs on some path to this API or operation.',
    guidance:
      'Without a rate limit, one client (or one attacker) can use up the gateway and the backend for everybody, and ' +
      'on consumption-priced backends the bill follows. Put `rate-limit-by-key` (keyed on the subscription or the ' +
      'caller) or `quota-by-key` in the inbound section of the product, the API or the operation, so that every ' +
      'product an API is published in is covered. Limits on a product do not protect calls that reach the API ' +
      'through another product, or without a subscription.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    const { missing, partial, uncertain, guessedOnly } = inboundCoverage(context.policies, THROTTLING_POLICIES, context.scope);
    if (missing.length === 0 && partial.length === 0) return;
    const unlessParent = uncertain ? UNSEEN_PARENTS_NOTE : '';
    const message =
      missing.length > 0
        ? `No rate limit or quota runs ${describeChains(missing)}${unlessParent}: add rate-limit-by-key or quota-by-key to inbound.`
        : `A rate limit runs only in some branches ${describeChains(partial)}: make sure every request is counted.`;
    const edit = insertIntoSectionEdit(context.document, 'inbound', RATE_LIMIT_MARKUP);
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message,
      uncertain,
      guess: guessedOnly,
      fixes: edit ? [{ title: 'Add rate-limit-by-key to inbound', edits: [edit], isPreferred: false }] : [],
    });
  },
};
