import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { propertyAt } from '../../templates/templateQueries';
import { diagnosticResources } from './functions/diagnosticResources';

export const diagnosticVerbose: TemplateRule = {
  meta: {
    id: 'diagnostic-verbose',
    pillars: ['performance-efficiency', 'security'],
    defaultSeverity: 'warning',
    title: 'A production diagnostic logs at verbose level.',
    guidance:
      'Verbose diagnostics send every trace record, including those written by `trace` policies, to the logger, which adds load and may carry sensitive data. ' +
      'Use `information` or `error` in production and keep verbose for short investigations. ' +
      'Less detail means less to search when debugging, so keep a way to raise it temporarily.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-app-insights',
    productionOnly: true,
  },
  check(context) {
    const { model } = context;
    for (const diagnostic of diagnosticResources(model.resources)) {
      const property = propertyAt(diagnostic.body, ['properties', 'verbosity']);
      const value = property?.value.value();
      if (property === undefined || !value?.known || typeof value.value !== 'string' || value.value.toLowerCase() !== 'verbose') continue;
      context.report({
        span: property.value.span,
        uncertain: isUncertainValue(property.value),
        message: 'Verbosity is verbose; use information or error in production.',
        fixes: [{ title: 'Set verbosity to information', edits: [replaceValueEdit(model, property.value, 'information')], isPreferred: false }],
      });
    }
  },
};
