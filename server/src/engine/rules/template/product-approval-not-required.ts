import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { ensurePropertiesEdit, replaceValueEdit } from '../../templates/templateEdits';
import { isFalseLike, lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const productApprovalNotRequired: TemplateRule = {
  meta: {
    id: 'product-approval-not-required',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'A published product approves new subscriptions automatically.',
    guidance:
      'When a published product requires a subscription but not approval, anyone who signs up in the developer portal gets a working key at once. ' +
      'Set `approvalRequired` to true so an administrator reviews each request before the key works. ' +
      'Products meant for open self-service can keep automatic approval, ideally with tight rate limits and quotas.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-add-products',
  },
  check(context) {
    const { model } = context;
    for (const product of [...resourcesOfType(model.resources, 'service/products'), ...resourcesOfType(model.resources, 'service/workspaces/products')]) {
      // Only published products are offered in the developer portal (the default state is notPublished).
      const state = lookupPath(product.body, ['properties', 'state']);
      if (state.state !== 'present' || !state.value.known || typeof state.value.value !== 'string' || state.value.value.toLowerCase() !== 'published') continue;
      // Without a subscription requirement approval does not apply; an absent value means required.
      const subscriptionRequired = lookupPath(product.body, ['properties', 'subscriptionRequired']);
      if (
        subscriptionRequired.state === 'unknown' ||
        (subscriptionRequired.state === 'present' && (!subscriptionRequired.value.known || isFalseLike(subscriptionRequired.value)))
      )
        continue;
      const approval = lookupPath(product.body, ['properties', 'approvalRequired']);
      if (approval.state === 'unknown' || (approval.state === 'present' && !isFalseLike(approval.value))) continue;
      const written = propertyAt(product.body, ['properties', 'approvalRequired'])?.value;
      const edit =
        written !== undefined
          ? replaceValueEdit(model, written, true)
          : ensurePropertiesEdit(model, product.body, ['properties'], [['approvalRequired', true]]);
      context.report({
        span: written?.span ?? propertyAt(product.body, ['properties', 'state'])?.value.span ?? product.anchor,
        uncertain: isUncertainValue(written),
        message: 'This published product approves subscriptions automatically; set approvalRequired to true so an administrator reviews each request.',
        fixes: edit === undefined ? [] : [{ title: 'Require approval of new subscriptions', edits: [edit], isPreferred: false }],
      });
    }
  },
};
