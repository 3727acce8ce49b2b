import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import type { BackendNode } from '../../workspace/serviceModel';
import { backendRoutes, type BackendRoute } from '../functions/backendRoutes';
import { chainNames } from '../functions/chainNames';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { statementOrigin } from '../functions/statementOrigin';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';

/** The backend entity with this id in the nearest tree that has one. */
function backendNamed(context: PolicyChainContext, id: string): BackendNode | undefined {
  for (const tree of context.trees) {
    const backend = tree.backends.get(id);
    if (backend) return backend;
  }
  return undefined;
}

function isPool(backend: BackendNode): boolean {
  return backend.type?.toLowerCase() === 'pool' || backend.poolMembers.length > 0;
}

/**
 * The backends without circuit breaker rules behind a route: the backend itself, or the known members of a
 * pool (breakers sit on the members). Empty when every backend we can see has rules; unknown ids say nothing.
 */
function unprotectedBackends(context: PolicyChainContext, backend: BackendNode): string[] {
  if (backend.circuitBreakerRuleCount > 0) return [];
  if (!isPool(backend)) return [backend.id];
  return backend.poolMembers.filter((member) => backendNamed(context, member)?.circuitBreakerRuleCount === 0);
}

interface RouteFinding {
  readonly route: BackendRoute;
  readonly backend: BackendNode;
  readonly unprotected: readonly string[];
  readonly policies: EffectivePolicy[];
}

function messageOf(finding: RouteFinding, allChains: boolean): string {
  const { route, backend, unprotected, policies } = finding;
  // A product's policy only runs on that product's chain, so naming the chain would repeat it.
  const namesChains = !allChains && route.statement.level.kind !== 'product';
  const where = `chosen in ${statementOrigin(route.statement)}${namesChains ? `, ${chainNames(policies)}` : ''}`;
  if (!isPool(backend)) {
    return `Backend "${backend.id}" (${where}) has no circuit breaker rules: add a circuitBreaker rule to the backend so the gateway stops calling it while it keeps failing.`;
  }
  const members = unprotected.map((member) => `"${member}"`).join(', ');
  return `Pool "${backend.id}" (${where}) has members without circuit breaker rules (${members}): add circuitBreaker rules to them so a failing member is taken out of rotation.`;
}

export const circuitBreakerMissing: PolicyChainRule = {
  meta: {
    id: 'circuit-breaker-missing',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'Requests are routed to a backend entity that has no circuit breaker.',
    guidance:
      'A circuit breaker on a backend entity makes the gateway stop sending requests for a while once the backend ' +
      'keeps failing, which gives it room to recover and answers callers at once instead of after a timeout. Add ' +
      'circuitBreaker rules (failure count or percentage, status code ranges, interval, trip duration) to the ' +
      'backend, and to every member of a load-balanced pool so that a failing member is skipped. The trip ' +
      'conditions are counted per gateway instance and are approximate, and the Consumption tier does not support them.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    if (context.trees.length === 0) return;
    const findings = new Map<string, RouteFinding>();
    for (const policy of context.policies) {
      const routes = backendRoutes([...policy.sections.inbound.statements, ...policy.sections.backend.statements]);
      for (const route of routes) {
        const backend = backendNamed(context, route.backendId);
        const unprotected = backend ? unprotectedBackends(context, backend) : [];
        if (!backend || unprotected.length === 0) continue;
        const key = `${route.statement.documentPath}\u0000${route.statement.element.span.start}`;
        const existing = findings.get(key);
        if (existing) {
          if (!existing.policies.includes(policy)) existing.policies.push(policy);
        } else findings.set(key, { route, backend, unprotected, policies: [policy] });
      }
    }
    for (const finding of findings.values()) {
      const here = finding.route.statement.document === context.document ? finding.route.attribute.valueSpan : undefined;
      context.report({
        span: here ?? missingPolicyAnchor(context.document, 'inbound'),
        message: messageOf(finding, finding.policies.length === context.policies.length),
      });
    }
  },
};
