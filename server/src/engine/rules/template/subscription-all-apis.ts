import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const subscriptionAllApis: TemplateRule = {
  meta: {
    id: 'subscription-all-apis',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A subscription is scoped to all APIs.',
    guidance:
      'An all-APIs key opens every current and future API of the service, so one leaked key exposes everything. ' +
      'Scope subscriptions to a product or a single API. ' +
      'Administrators who need broad access can use separate, closely guarded keys.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-create-subscriptions',
  },
  check(context) {
    const { resources } = context.model;
    for (const subscription of [...resourcesOfType(resources, 'service/subscriptions'), ...resourcesOfType(resources, 'service/workspaces/subscriptions')]) {
      const property = propertyAt(subscription.body, ['properties', 'scope']);
      const value = property?.value.value();
      if (property === undefined || !value?.known || typeof value.value !== 'string' || !/\/apis\/?$/i.test(value.value.trim())) continue;
      context.report({
        span: property.value.span,
        uncertain: isUncertainValue(property.value),
        message: 'This subscription is scoped to all APIs; scope it to a product or one API.',
      });
    }
  },
};
