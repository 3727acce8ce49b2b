import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';
import type { TemplateResource } from '../../templates/templateModel';
import type { TemplateRuleContext } from '../templateRule';

/** Fewer units than zones leaves a listed zone without a gateway unit: the template promises more redundancy than it gets. */
function reportTooFewUnits(context: TemplateRuleContext, service: TemplateResource, zoneCount: number): void {
  const capacity = propertyAt(service.body, ['sku', 'capacity'])?.value;
  const units = capacity?.value();
  if (capacity === undefined || !units?.known || typeof units.value !== 'number' || units.value >= zoneCount) return;
  context.report({
    span: capacity.span,
    message: `This Premium service lists ${zoneCount} availability zones but has ${units.value} unit${units.value === 1 ? '' : 's'}, so a zone has no gateway unit; use at least ${zoneCount} units (a multiple of the zone count).`,
  });
}

export const availabilityZonesMissing: TemplateRule = {
  meta: {
    id: 'availability-zones-missing',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'A Premium service is not spread across availability zones.',
    guidance:
      'Without zones, a datacenter failure in the region takes the whole gateway down. ' +
      'List at least two zones in `zones` (and for each additional location) and give the service at least one unit per zone. ' +
      'Zones need at least one unit per zone, best a multiple of the zone count, which raises cost.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/high-availability',
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      if (skuNameOf(service)?.toLowerCase() !== 'premium') continue;
      const zones = lookupPath(service.body, ['zones']);
      if (zones.state === 'unknown') continue;
      if (zones.state === 'present' && zones.value.known && Array.isArray(zones.value.value) && zones.value.value.length >= 2) {
        reportTooFewUnits(context, service, zones.value.value.length);
        continue;
      }
      if (zones.state === 'present' && (!zones.value.known || !Array.isArray(zones.value.value))) continue;
      const skuName = propertyAt(service.body, ['sku', 'name'])?.value;
      context.report({
        span: skuName?.span ?? service.anchor,
        uncertain: isUncertainValue(skuName),
        message:
          zones.state === 'absent'
            ? 'This Premium service lists no availability zones; add zones so it survives a datacenter failure.'
            : 'This Premium service uses fewer than two availability zones; spread it across at least two.',
      });
    }
  },
};
