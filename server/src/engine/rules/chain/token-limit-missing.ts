import { attribute } from '../../policy/syntaxTree';
import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { findPolicies } from '../../workspace/effectiveStatement';
import { UNSEEN_PARENTS_NOTE } from '../functions/chainCertainty';
import { describeChains, inboundCoverage } from '../functions/chainCoverage';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { modelApiEvidence } from '../functions/modelApiEvidence';
import { pathCoverage } from '../functions/onEveryPath';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainRule } from '../policyChainRule';

/** Policies that count model tokens per caller. */
export const TOKEN_LIMIT_POLICIES = ['llm-token-limit', 'azure-openai-token-limit'];

const TOKEN_LIMIT_MARKUP =
  '<llm-token-limit counter-key="@(context.Subscription?.Id ?? context.Request.IpAddress)" tokens-per-minute="10000" estimate-prompt-tokens="false" />';

export const tokenLimitMissing: PolicyChainRule = {
  meta: {
    id: 'token-limit-missing',
    pillars: ['cost-optimization', 'reliability'],
    defaultSeverity: 'warning',
    title: 'A generative-AI API has no token limit on some path.',
    guidance:
      'Model deployments are sized and billed in tokens, and one long prompt can cost as much as thousands of ordinary ' +
      'calls, so a request count alone does not protect capacity or budget. Add `llm-token-limit` (or ' +
      '`azure-openai-token-limit`) to inbound, keyed on the subscription or the caller, with `tokens-per-minute` and, if ' +
      'needed, a `token-quota` per period. Estimating prompt tokens rejects oversized requests before they reach the model ' +
      'but costs some gateway CPU.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/llm-token-limit-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    // Realtime (WebSocket) model APIs are not counted by the token limit policies.
    if (context.api?.information?.type === 'websocket' || context.policies.some(callsWebSocketBackend)) return;
    const evidence = modelApiEvidence(context);
    if (evidence === undefined) return;
    // A chain that answers every request from the gateway never spends a token.
    const { missing, partial, uncertain, guessedOnly } = inboundCoverage(
      context.policies,
      TOKEN_LIMIT_POLICIES,
      context.scope,
      (policy) => pathCoverage(policy.sections.inbound.statements, ['return-response', 'mock-response']) === 'every-path',
    );
    if (missing.length === 0 && partial.length === 0) return;
    const unlessParent = uncertain ? UNSEEN_PARENTS_NOTE : '';
    const message =
      missing.length > 0
        ? `This looks like a generative-AI API (${evidence}) but no token limit runs ${describeChains(missing)}${unlessParent}: add llm-token-limit to inbound.`
        : `A token limit runs only in some branches ${describeChains(partial)}: make sure every model call is counted.`;
    const edit = insertIntoSectionEdit(context.document, 'inbound', TOKEN_LIMIT_MARKUP);
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message,
      uncertain,
      guess: guessedOnly,
      fixes: edit ? [{ title: 'Add llm-token-limit to inbound', edits: [edit], isPreferred: false }] : [],
    });
  },
};

/** A chain that routes to a `ws://` or `wss://` backend (a realtime model endpoint). */
function callsWebSocketBackend(policy: EffectivePolicy): boolean {
  return findPolicies(policy.sections.inbound.statements, ['set-backend-service']).some((statement) =>
    /^wss?:\/\//i.test(attribute(statement.element, 'base-url')?.value?.trim() ?? ''),
  );
}
