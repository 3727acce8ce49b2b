import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt } from '../../templates/templateQueries';
import { diagnosticResources } from './functions/diagnosticResources';

/** Headers that carry credentials or session state. */
const SENSITIVE = new Set(['authorization', 'proxy-authorization', 'ocp-apim-subscription-key', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

export const diagnosticSensitiveHeaders: TemplateRule = {
  meta: {
    id: 'diagnostic-sensitive-headers',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A diagnostic logs a header that carries credentials.',
    guidance:
      'Logged headers are stored in the logger (for example Application Insights) and readable by anyone with access to it. ' +
      'Do not log Authorization, subscription key or cookie headers; log a correlation id instead, or mask the value with data masking. ' +
      'Removing a header from logs only loses information you should not keep anyway.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-app-insights',
  },
  check(context) {
    for (const diagnostic of diagnosticResources(context.model.resources)) {
      for (const side of ['frontend', 'backend']) {
        for (const direction of ['request', 'response']) {
          const headers = propertyAt(diagnostic.body, ['properties', side, direction, 'headers'])?.value;
          for (const item of headers?.items ?? []) {
            const value = item.value();
            if (!value.known || typeof value.value !== 'string' || !SENSITIVE.has(value.value.toLowerCase())) continue;
            context.report({
              span: item.span,
              uncertain: isUncertainValue(item),
              message: `The ${side} ${direction} header ${value.value} is logged; remove it from the logged headers.`,
            });
          }
        }
      }
    }
  },
};
