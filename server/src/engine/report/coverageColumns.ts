import { attribute } from '../policy/syntaxTree';
import { THROTTLING_POLICIES } from '../rules/chain/rate-limit-missing';
import { pathCoverage } from '../rules/functions/onEveryPath';
import type { PathCoverage } from '../rules/functions/pathCoverageWhere';
import type { EffectivePolicy } from '../workspace/effectivePolicy';
import { findPolicies } from '../workspace/effectiveStatement';
import { artifactTreeOf, type BackendNode, type ServiceModel } from '../workspace/serviceModel';
import { POLICY_SECTIONS } from '../policy/policyVocabulary';

/** How well one chain (or, aggregated, one API or operation) has a safeguard. */
export type CoverageStatus = 'ok' | 'partial' | 'missing';

export type CoverageColumnId = 'rate-limit' | 'authentication' | 'validation' | 'retry' | 'circuit-breaker' | 'tracing-off' | 'caching';

export interface CoverageColumn {
  readonly id: CoverageColumnId;
  readonly title: string;
  /** What `ok` means for this column, shown as the column's tooltip and in docs/report.md. */
  readonly description: string;
  /** The column's status for one chain's effective policy. */
  evaluate(policy: EffectivePolicy, model: ServiceModel): CoverageStatus;
}

const CALLER_AUTHENTICATION_POLICIES = ['validate-jwt', 'validate-azure-ad-token', 'validate-client-certificate'];
const REQUEST_VALIDATION_POLICIES = ['validate-content', 'validate-parameters', 'validate-headers', 'validate-odata-request', 'validate-graphql-request'];
const CACHE_LOOKUP_POLICIES = ['cache-lookup', 'cache-lookup-value', 'azure-openai-semantic-cache-lookup', 'llm-semantic-cache-lookup'];

function statusOf(coverage: PathCoverage): CoverageStatus {
  return coverage === 'every-path' ? 'ok' : coverage === 'some-paths' ? 'partial' : 'missing';
}

/** A product that does not say otherwise requires a subscription key (APIM's default). */
function chainRequiresSubscription(policy: EffectivePolicy, model: ServiceModel): boolean {
  const { product, root, workspace } = policy.chain;
  if (product === undefined || root === undefined) return false;
  return artifactTreeOf(model, root, workspace)?.products.get(product)?.subscriptionRequired !== false;
}

function backendById(policy: EffectivePolicy, model: ServiceModel, id: string): BackendNode | undefined {
  const { root, workspace } = policy.chain;
  if (root === undefined) return undefined;
  const own = workspace === undefined ? undefined : artifactTreeOf(model, root, workspace)?.backends.get(id);
  return own ?? artifactTreeOf(model, root, undefined)?.backends.get(id);
}

function hasCircuitBreaker(policy: EffectivePolicy, model: ServiceModel, backend: BackendNode | undefined): boolean {
  if (backend === undefined) return false;
  if (backend.circuitBreakerRuleCount > 0) return true;
  return backend.poolMembers.length > 0 && backend.poolMembers.every((member) => (backendById(policy, model, member)?.circuitBreakerRuleCount ?? 0) > 0);
}

/** The columns of the coverage matrix, in display order. */
export const COVERAGE_COLUMNS: readonly CoverageColumn[] = [
  {
    id: 'rate-limit',
    title: 'Rate limit',
    description: 'A rate limit or quota runs in inbound on every path.',
    evaluate: (policy) => statusOf(pathCoverage(policy.sections.inbound.statements, THROTTLING_POLICIES)),
  },
  {
    id: 'authentication',
    title: 'Auth',
    description: 'Callers are authenticated: a product that requires a subscription key, or a token or certificate check in inbound on every path.',
    evaluate: (policy, model) =>
      chainRequiresSubscription(policy, model) ? 'ok' : statusOf(pathCoverage(policy.sections.inbound.statements, CALLER_AUTHENTICATION_POLICIES)),
  },
  {
    id: 'validation',
    title: 'Validation',
    description: 'Requests are validated (content, parameters or headers) in inbound on every path.',
    evaluate: (policy) => statusOf(pathCoverage(policy.sections.inbound.statements, REQUEST_VALIDATION_POLICIES)),
  },
  {
    id: 'retry',
    title: 'Retry',
    description: 'The backend section retries failed calls on every path.',
    evaluate: (policy) => statusOf(pathCoverage(policy.sections.backend.statements, ['retry'])),
  },
  {
    id: 'circuit-breaker',
    title: 'Circuit breaker',
    description: 'Requests go to backend entities (set-backend-service backend-id) that have circuit breaker rules; partial when only some do.',
    evaluate: (policy, model) => {
      const statements = [...policy.sections.inbound.statements, ...policy.sections.backend.statements];
      const ids = findPolicies(statements, ['set-backend-service'])
        .map((statement) => attribute(statement.element, 'backend-id')?.value?.trim())
        .filter((id): id is string => id !== undefined && id !== '');
      if (ids.length === 0) return 'missing';
      const protectedCount = ids.filter((id) => hasCircuitBreaker(policy, model, backendById(policy, model, id))).length;
      return protectedCount === ids.length ? 'ok' : protectedCount === 0 ? 'missing' : 'partial';
    },
  },
  {
    id: 'tracing-off',
    title: 'Tracing off',
    description: 'No trace policy runs in any section.',
    evaluate: (policy) => (POLICY_SECTIONS.some((section) => findPolicies(policy.sections[section].statements, ['trace']).length > 0) ? 'missing' : 'ok'),
  },
  {
    id: 'caching',
    title: 'Caching',
    description: 'A cache lookup runs in inbound on every path.',
    evaluate: (policy) => statusOf(pathCoverage(policy.sections.inbound.statements, CACHE_LOOKUP_POLICIES)),
  },
];
