import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt, resourcesOfType } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';

export const developerTierInProduction: TemplateRule = {
  meta: {
    id: 'developer-tier-in-production',
    pillars: ['reliability', 'cost-optimization'],
    defaultSeverity: 'warning',
    title: 'A production service uses the Developer tier.',
    guidance:
      'The Developer tier has no SLA, runs on one unit and cannot scale, so it is meant for evaluation and test only. ' +
      'Choose a production tier (Basic, Standard, Premium or a v2 tier) for environments that serve real traffic. ' +
      'Mark test templates as nonproduction in `.apim-studio.json` instead of silencing this rule.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/upgrade-and-scale',
    productionOnly: true,
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      if (skuNameOf(service)?.toLowerCase() !== 'developer') continue;
      const skuName = propertyAt(service.body, ['sku', 'name'])?.value;
      context.report({
        span: skuName?.span ?? service.anchor,
        uncertain: isUncertainValue(skuName),
        message: 'The Developer tier has no SLA; use a production tier for production.',
      });
    }
  },
};
