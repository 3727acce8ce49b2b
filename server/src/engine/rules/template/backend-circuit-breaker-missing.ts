import type { TemplateRule } from '../templateRule';
import { lookupPath, resourcesOfType, stringAt } from '../../templates/templateQueries';

export const backendCircuitBreakerMissing: TemplateRule = {
  meta: {
    id: 'backend-circuit-breaker-missing',
    pillars: ['reliability'],
    defaultSeverity: 'info',
    title: 'A backend has no circuit breaker.',
    guidance:
      'Without a circuit breaker, the gateway keeps sending calls to a failing backend, which slows every client and can deepen the outage. ' +
      'Add `circuitBreaker.rules` that trip on server errors or throttling and honour Retry-After. ' +
      'A tripped breaker fails calls fast, so pair it with a load-balanced pool or a clear error response.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    const { resources } = context.model;
    for (const backend of [...resourcesOfType(resources, 'service/backends'), ...resourcesOfType(resources, 'service/workspaces/backends')]) {
      // Pools balance across backends that carry their own breakers.
      if (stringAt(backend.body, ['properties', 'type'])?.toLowerCase() === 'pool') continue;
      if (lookupPath(backend.body, ['properties', 'circuitBreaker']).state !== 'absent') continue;
      context.report({ span: backend.anchor, message: 'This backend has no circuit breaker; add circuitBreaker rules so failures do not pile up.' });
    }
  },
};
