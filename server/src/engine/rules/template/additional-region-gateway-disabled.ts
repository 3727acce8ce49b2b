import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, propertyAt, propertyOf, resourcesOfType, stringAt } from '../../templates/templateQueries';

export const additionalRegionGatewayDisabled: TemplateRule = {
  meta: {
    id: 'additional-region-gateway-disabled',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'The gateway is disabled in an additional region.',
    guidance:
      'A region whose gateway is disabled takes no traffic, so it adds cost without adding capacity, and callers routed there fail until someone turns it on. ' +
      'Enable the gateway in every additional region so traffic spreads across regions and survives a regional outage. ' +
      'Disable it only for a deliberate standby region with a tested failover procedure.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-deploy-multi-region',
    productionOnly: true,
  },
  check(context) {
    const { model } = context;
    for (const service of resourcesOfType(model.resources, 'service')) {
      for (const location of propertyAt(service.body, ['properties', 'additionalLocations'])?.value.items ?? []) {
        const disableGateway = propertyOf(location, 'disableGateway')?.value;
        if (disableGateway === undefined || !isTrueLike(disableGateway.value())) continue;
        const region = stringAt(location, ['location']);
        context.report({
          span: disableGateway.span,
          uncertain: isUncertainValue(disableGateway),
          message: `The gateway in the additional region${region === undefined ? '' : ` ${region}`} is disabled; enable it so the region serves traffic.`,
          fixes: [{ title: 'Enable the gateway in this region', edits: [replaceValueEdit(model, disableGateway, false)], isPreferred: false }],
        });
      }
    }
  },
};
