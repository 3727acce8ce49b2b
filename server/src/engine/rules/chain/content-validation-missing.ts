import type { Fix } from '../../findings/finding';
import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import type { ApiNode } from '../../workspace/serviceModel';
import { sectionHasUnknownParts } from '../functions/chainCertainty';
import { chainNames } from '../functions/chainNames';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { pathCoverage } from '../functions/onEveryPath';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';

/**
 * Policies that check a request's body before it reaches the backend. `validate-parameters` (path, query
 * and headers) and `validate-headers` (response headers only) do not look at the body.
 */
const REQUEST_BODY_VALIDATION = ['validate-content', 'validate-graphql-request', 'validate-odata-request'];

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

/** Policies that answer in the gateway; a chain that always does never passes a body on. */
const GATEWAY_ANSWERS = ['return-response', 'mock-response'];

/** API types without request bodies the validation policies can read. */
const UNVALIDATED_TYPES = ['websocket', 'grpc'];

/** What to add, per API type: the policy named in the message and, when one fits blindly enough, its markup. */
const ADVICE: Readonly<Record<string, { readonly policy: string; readonly markup: string | undefined }>> = {
  http: {
    policy: 'validate-content',
    markup: [
      '<validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">',
      '  <content type="application/json" validate-as="json" action="prevent" />',
      '</validate-content>',
    ].join('\n'),
  },
  soap: { policy: 'validate-content (validate-as="soap")', markup: undefined },
  graphql: {
    policy: 'validate-graphql-request',
    markup: '<validate-graphql-request error-variable-name="graphqlValidation" max-size="102400" max-depth="6" />',
  },
  odata: { policy: 'validate-odata-request', markup: undefined },
};

/**
 * Whether this document is the place to report: an operation whose method is known to carry a body; an
 * API when some operation that runs only the API's policy can carry a body, or when the operations' methods
 * are not known (then the API stands for all of them, and a GET operation is not blamed for a body).
 * Operations with a known method and their own policy file are checked on that file.
 */
function bodiesReachThisScope(context: PolicyChainContext, api: ApiNode): boolean {
  if (context.scope === 'operation') return BODY_METHODS.includes(context.operation?.method ?? '');
  const operations = [...api.operations.values()];
  if (operations.length === 0 || operations.some((operation) => operation.method === undefined)) return true;
  return operations.some((operation) => operation.policyPath === undefined && BODY_METHODS.includes(operation.method ?? ''));
}

function lacksValidation(policy: EffectivePolicy): boolean {
  const inbound = policy.sections.inbound.statements;
  return pathCoverage(inbound, GATEWAY_ANSWERS) !== 'every-path' && pathCoverage(inbound, REQUEST_BODY_VALIDATION) === 'none';
}

export const contentValidationMissing: PolicyChainRule = {
  meta: {
    id: 'content-validation-missing',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'Request bodies reach the backend without validation on some path to this API or operation.',
    guidance:
      'Without content validation the gateway passes any payload to the backend: oversized bodies, unexpected ' +
      'properties and malformed documents that the backend then has to reject (or, worse, accept). Add ' +
      "validate-content to inbound with a max-size and the API definition's schemas (validate-graphql-request for " +
      'GraphQL APIs, validate-odata-request for OData APIs), starting with action="detect" to watch the errors ' +
      'before switching to "prevent". Validation needs accurate schemas in the API definition and reads bodies of ' +
      'at most 100 KB, so large uploads and model prompts are better served by size limits or content safety checks.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validate-content-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    const api = context.api;
    // A document seen alone could belong to any API, with or without request bodies: too vague to report.
    if (!api) return;
    const type = api.information?.type.toLowerCase() ?? 'http';
    if (UNVALIDATED_TYPES.includes(type)) return;
    // Model APIs take prompts beyond validate-content's 100 KB limit; token limits and content safety apply there.
    if (api.aiEvidence !== undefined) return;
    if (!bodiesReachThisScope(context, api)) return;
    const missing = context.policies.filter(lacksValidation);
    if (missing.length === 0) return;
    const advice = ADVICE[type] ?? ADVICE.http;
    const edit = advice.markup ? insertIntoSectionEdit(context.document, 'inbound', advice.markup) : undefined;
    const fixes: Fix[] = edit ? [{ title: `Add ${advice.policy} to inbound`, edits: [edit], isPreferred: false }] : [];
    const unlessParent = missing.some((policy) => sectionHasUnknownParts(policy, 'inbound')) ? ', unless a policy fragment that cannot be read adds it' : '';
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message: `No request validation runs (${chainNames(missing)}${unlessParent}): add ${advice.policy} to inbound so malformed or oversized bodies stop at the gateway.`,
      uncertain: missing.some((policy) => sectionHasUnknownParts(policy, 'inbound')),
      fixes,
    });
  },
};
