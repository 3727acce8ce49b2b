import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { isFalseLike, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const productSubscriptionNotRequired: TemplateRule = {
  meta: {
    id: 'product-subscription-not-required',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A product does not require a subscription.',
    guidance:
      'An open product lets anyone call its APIs without a key, so calls cannot be attributed, limited per consumer or revoked. ' +
      'Keep `subscriptionRequired` true, or protect the APIs with token validation in their policies if they are meant to be keyless. ' +
      'Requiring keys means consumers must subscribe before calling.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-add-products',
  },
  check(context) {
    const { resources } = context.model;
    for (const product of [...resourcesOfType(resources, 'service/products'), ...resourcesOfType(resources, 'service/workspaces/products')]) {
      const property = propertyAt(product.body, ['properties', 'subscriptionRequired']);
      if (property === undefined || !isFalseLike(property.value.value())) continue;
      context.report({
        span: property.value.span,
        uncertain: isUncertainValue(property.value),
        message: 'This product is open: its APIs can be called without a subscription key.',
      });
    }
  },
};
