import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt, resourcesOfType, stringAt } from '../../templates/templateQueries';

export const wildcardOperation: TemplateRule = {
  meta: {
    id: 'wildcard-operation',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'info',
    title: 'An operation matches every path (`/*`).',
    guidance:
      'An operation whose URL template is `/*` forwards any path the caller sends, so backend endpoints nobody meant to publish become reachable through the gateway. ' +
      'It also hides the API surface from documentation, per-operation policies and analytics. ' +
      'Define one operation per backend endpoint, or import the API from its OpenAPI description; keep wildcards for deliberate pass-through APIs guarded by authentication.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/add-api-manually',
  },
  check(context) {
    const { resources } = context.model;
    for (const operation of [...resourcesOfType(resources, 'service/apis/operations'), ...resourcesOfType(resources, 'service/workspaces/apis/operations')]) {
      const urlTemplate = propertyAt(operation.body, ['properties', 'urlTemplate'])?.value;
      const value = urlTemplate?.value();
      if (urlTemplate === undefined || !value?.known || typeof value.value !== 'string' || value.value.trim() !== '/*') continue;
      const method = stringAt(operation.body, ['properties', 'method']);
      context.report({
        span: urlTemplate.span,
        uncertain: isUncertainValue(urlTemplate),
        message: `This ${method === undefined ? '' : `${method.toUpperCase()} `}operation matches every path (/*); define operations for the endpoints you mean to publish.`,
      });
    }
  },
};
