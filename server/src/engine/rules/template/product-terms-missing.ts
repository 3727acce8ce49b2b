import { isFalseLike, lookupPath, ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import type { TemplateRule } from '../templateRule';

export const productTermsMissing: TemplateRule = {
  meta: {
    id: 'product-terms-missing',
    pillars: ['operational-excellence'],
    defaultSeverity: 'hint',
    title: 'A published product that developers subscribe to has no terms of use.',
    guidance:
      'The terms of a product are shown to developers in the developer portal when they subscribe, and they must accept them before they get a key. ' +
      'Without terms, subscribers never see the usage limits, data handling and support conditions you expect them to respect. ' +
      'Products used only internally, or not offered in the portal, can do without; suppress the finding there.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-add-products',
  },
  check(context) {
    const { model } = context;
    for (const product of [...resourcesOfType(model.resources, 'service/products'), ...resourcesOfType(model.resources, 'service/workspaces/products')]) {
      // Only published products are offered in the portal, and terms are shown on subscribing.
      const state = lookupPath(product.body, ['properties', 'state']);
      if (state.state !== 'present' || !state.value.known || typeof state.value.value !== 'string' || state.value.value.toLowerCase() !== 'published') continue;
      const subscriptionRequired = lookupPath(product.body, ['properties', 'subscriptionRequired']);
      if (
        subscriptionRequired.state === 'unknown' ||
        (subscriptionRequired.state === 'present' && (!subscriptionRequired.value.known || isFalseLike(subscriptionRequired.value)))
      )
        continue;
      const terms = lookupPath(product.body, ['properties', 'terms']);
      if (
        terms.state === 'unknown' ||
        (terms.state === 'present' && !(terms.value.known && typeof terms.value.value === 'string' && terms.value.value.trim() === ''))
      )
        continue;
      const name = ownName(product);
      context.report({
        span: propertyAt(product.body, ['properties', 'terms'])?.value.span ?? propertyAt(product.body, ['properties', 'state'])?.value.span ?? product.anchor,
        message: `The published product${name === undefined ? '' : ` '${name}'`} has no terms of use; add terms that subscribers accept in the developer portal.`,
      });
    }
  },
};
