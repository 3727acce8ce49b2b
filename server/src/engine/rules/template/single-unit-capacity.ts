import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt, resourcesOfType, valueAt } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';

/** Tiers where a second unit is possible and brings redundancy. */
const SCALABLE = new Set(['basic', 'standard', 'premium', 'basicv2', 'standardv2', 'premiumv2']);

export const singleUnitCapacity: TemplateRule = {
  meta: {
    id: 'single-unit-capacity',
    pillars: ['reliability', 'performance-efficiency'],
    defaultSeverity: 'warning',
    title: 'A production service runs on one unit, or on fewer units than availability zones.',
    guidance:
      'One unit has no redundancy: an update, a fault or a traffic spike on that unit affects every call. ' +
      'Run at least two units in production, and at least one unit per availability zone when zones are used. ' +
      'More units cost more, so pair this with autoscale where the tier allows it.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/upgrade-and-scale',
    productionOnly: true,
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      const sku = skuNameOf(service)?.toLowerCase();
      const capacity = propertyAt(service.body, ['sku', 'capacity']);
      const units = capacity?.value.value();
      if (sku === undefined || !SCALABLE.has(sku) || capacity === undefined || !units?.known || typeof units.value !== 'number') continue;
      const zones = valueAt(service.body, ['zones']);
      const zoneCount = zones.known && Array.isArray(zones.value) ? zones.value.length : 0;
      if (zoneCount > units.value) {
        context.report({
          span: capacity.value.span,
          uncertain: isUncertainValue(capacity.value),
          message: `Capacity ${units.value} is below the ${zoneCount} availability zones; use at least one unit per zone.`,
        });
      } else if (units.value === 1) {
        // A SKU from a parameter is only its default: the deployment may pick another tier for each environment.
        // A parameters file that supplies the SKU states the tier of that deployment.
        const skuNode = propertyAt(service.body, ['sku', 'name'])?.value;
        const skuUnknown = skuNode?.shape !== 'scalar' && skuNode?.supplied !== true;
        context.report({
          span: capacity.value.span,
          uncertain: isUncertainValue(capacity.value) || skuUnknown,
          message: skuUnknown
            ? `With its default SKU (${skuNameOf(service)}), this service runs on a single unit; where it serves production traffic, use at least two for redundancy.`
            : 'This production service runs on a single unit; use at least two for redundancy.',
        });
      }
    }
  },
};
