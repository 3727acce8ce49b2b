import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt } from '../../templates/templateQueries';
import { diagnosticResources } from './functions/diagnosticResources';

export const diagnosticSamplingFull: TemplateRule = {
  meta: {
    id: 'diagnostic-sampling-full',
    pillars: ['performance-efficiency', 'cost-optimization'],
    defaultSeverity: 'info',
    title: 'A production diagnostic samples 100% of requests.',
    guidance:
      'Logging every request to Application Insights adds latency under load and can make telemetry the largest part of the bill. ' +
      'Sample a fraction of requests in production and raise the rate while investigating. ' +
      'Low-traffic APIs, or those with audit needs, may justify full sampling.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-app-insights',
    productionOnly: true,
  },
  check(context) {
    for (const diagnostic of diagnosticResources(context.model.resources)) {
      const property = propertyAt(diagnostic.body, ['properties', 'sampling', 'percentage']);
      const value = property?.value.value();
      if (property === undefined || !value?.known || value.value !== 100) continue;
      context.report({
        span: property.value.span,
        uncertain: isUncertainValue(property.value),
        message: 'Sampling is 100%; sample a smaller share of requests in production.',
      });
    }
  },
};
