import type { TemplateRule } from '../templateRule';
import { ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';

/** The sample products a classic-tier service is created with (their resource names). */
const DEFAULT_PRODUCTS = new Set(['starter', 'unlimited']);

export const defaultProductPresent: TemplateRule = {
  meta: {
    id: 'default-product-present',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'info',
    title: 'The sample Starter or Unlimited product is kept.',
    guidance:
      'New instances come with the sample products `starter` and `unlimited`, which are meant for trying the service out; Unlimited has no usage limit at all. ' +
      'Keeping them leaves a ready-made way in to any API that gets added to them, outside the products you designed. ' +
      'Delete them (with their subscriptions) and publish APIs through products named and limited for your consumers.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-add-products',
  },
  check(context) {
    for (const product of resourcesOfType(context.model.resources, 'service/products')) {
      const name = ownName(product)?.toLowerCase();
      if (name === undefined || !DEFAULT_PRODUCTS.has(name)) continue;
      const nameNode = propertyAt(product.body, ['name'])?.value;
      context.report({
        span: nameNode?.span ?? product.anchor,
        message: `The sample product '${name}' is kept; delete it and publish APIs through your own products.`,
      });
    }
  },
};
