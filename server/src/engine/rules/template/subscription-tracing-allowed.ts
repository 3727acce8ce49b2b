import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const subscriptionTracingAllowed: TemplateRule = {
  meta: {
    id: 'subscription-tracing-allowed',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'A subscription allows request tracing.',
    guidance:
      'With tracing allowed, whoever holds the subscription key can ask the gateway for detailed traces that reveal policies, headers and backend details. ' +
      'Set `allowTracing` to false and enable tracing only briefly when debugging. ' +
      'Debugging in the portal test console does not need this flag on client subscriptions.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-api-inspector',
  },
  check(context) {
    const { model } = context;
    for (const subscription of [...resourcesOfType(model.resources, 'service/subscriptions'), ...resourcesOfType(model.resources, 'service/workspaces/subscriptions')]) {
      const property = propertyAt(subscription.body, ['properties', 'allowTracing']);
      if (property === undefined || !isTrueLike(property.value.value())) continue;
      context.report({
        span: property.value.span, uncertain: isUncertainValue(property.value),
        message: 'allowTracing is true: holders of this key can request detailed traces; set it to false.',
        fixes: [{ title: 'Set allowTracing to false', edits: [replaceValueEdit(model, property.value, false)], isPreferred: true }],
      });
    }
  },
};
