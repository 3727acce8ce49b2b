import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const subscriptionTracingAllowed: TemplateRule = {
  meta: {
    id: 'subscription-tracing-allowed',
    pillars: ['operational-excellence'],
    defaultSeverity: 'hint',
    title: 'A subscription sets allowTracing, a setting API Management no longer honours.',
    guidance:
      'API Management no longer supports request tracing through subscriptions or the `Ocp-Apim-Trace` header, so `allowTracing` does nothing: no subscription key can ask for traces. ' +
      'Request tracing now needs a time-limited debug token for one API, which only callers with management rights can obtain. ' +
      'Set the flag to false (or leave it out) so the template does not suggest that tracing is on.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-api-inspector',
  },
  check(context) {
    const { model } = context;
    for (const subscription of [
      ...resourcesOfType(model.resources, 'service/subscriptions'),
      ...resourcesOfType(model.resources, 'service/workspaces/subscriptions'),
    ]) {
      const property = propertyAt(subscription.body, ['properties', 'allowTracing']);
      if (property === undefined || !isTrueLike(property.value.value())) continue;
      context.report({
        span: property.value.span,
        uncertain: isUncertainValue(property.value),
        message:
          'allowTracing no longer has any effect (tracing through subscriptions and Ocp-Apim-Trace is retired; tracing now uses a time-limited token per API); set it to false or leave it out.',
        fixes: [{ title: 'Set allowTracing to false', edits: [replaceValueEdit(model, property.value, false)], isPreferred: true }],
      });
    }
  },
};
