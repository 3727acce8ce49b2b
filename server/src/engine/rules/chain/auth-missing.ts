import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { authenticatesCaller } from '../functions/callerAuthentication';
import { sectionHasUnknownParts } from '../functions/chainCertainty';
import { chainLabel } from '../functions/chainNames';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { pathCoverage } from '../functions/onEveryPath';
import { pathCoverageWhere } from '../functions/pathCoverageWhere';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';

/** Placeholders are named values to create, so the fix never invents an issuer or audience. */
const VALIDATE_JWT_MARKUP = [
  '<validate-jwt header-name="Authorization" require-scheme="Bearer" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized">',
  '  <openid-config url="{{jwt-openid-config-url}}" />',
  '  <audiences>',
  '    <audience>{{jwt-audience}}</audience>',
  '  </audiences>',
  '</validate-jwt>',
].join('\n');

/** Policies that answer in the gateway; a chain that always does never reaches the backend. */
const GATEWAY_ANSWERS = ['return-response', 'mock-response'];

/** The chain a request without a subscription key follows, and why such requests are let in. */
interface AnonymousChain {
  readonly policy: EffectivePolicy;
  readonly reason: string;
}

/**
 * Requests without a key run in the context of the API's open product when it has one, else in the
 * API's own context when the API does not require a subscription; otherwise the gateway rejects them.
 * Unknown product or API settings count as "required" (the APIM default).
 */
function anonymousChain(context: PolicyChainContext): AnonymousChain | undefined {
  const api = context.api;
  if (!api) return undefined;
  const products = context.trees[0]?.products;
  const openProduct = api.products.find((name) => products?.get(name)?.subscriptionRequired === false);
  if (openProduct !== undefined) {
    const policy = context.policies.find((candidate) => candidate.chain.product === openProduct);
    return policy && { policy, reason: `product ${openProduct} does not require a subscription` };
  }
  if (api.information?.subscriptionRequired !== false) return undefined;
  const policy = context.policies.find((candidate) => candidate.chain.product === undefined);
  return policy && { policy, reason: 'the API does not require a subscription' };
}

function authenticatesSomewhere(policy: EffectivePolicy): boolean {
  const inbound = policy.sections.inbound.statements;
  return pathCoverageWhere(inbound, authenticatesCaller) !== 'none' || pathCoverage(inbound, GATEWAY_ANSWERS) === 'every-path';
}

export const authMissing: PolicyChainRule = {
  meta: {
    id: 'auth-missing',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'An API that can be called without a subscription key does not authenticate its callers.',
    guidance:
      'When an API (or an open product it belongs to) does not require a subscription, anyone who knows the URL ' +
      'can call it, and nothing in the gateway tells one caller from another. Validate a token (validate-jwt or ' +
      'validate-azure-ad-token) or a client certificate in the inbound section of the API or the open product, so ' +
      'only known clients reach the backend. If the API is meant to be public, say so with a suppression and keep ' +
      'rate limits on it; if the backend checks tokens itself, the gateway still forwards every anonymous request.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validate-jwt-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    // A document seen alone has no subscription setting, and APIM requires a subscription by default.
    const anonymous = anonymousChain(context);
    if (!anonymous || authenticatesSomewhere(anonymous.policy)) return;
    const edit = insertIntoSectionEdit(context.document, 'inbound', VALIDATE_JWT_MARKUP);
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message: `Anyone can call this API without a subscription key (${anonymous.reason}), and no validate-jwt, validate-azure-ad-token or validate-client-certificate runs on that path (${chainLabel(anonymous.policy)}): authenticate callers in inbound.`,
      uncertain: sectionHasUnknownParts(anonymous.policy, 'inbound'),
      fixes: edit ? [{ title: 'Add a validate-jwt skeleton to inbound (placeholders to fill in)', edits: [edit], isPreferred: false }] : [],
    });
  },
};
