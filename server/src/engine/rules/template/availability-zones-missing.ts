import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';

export const availabilityZonesMissing: TemplateRule = {
  meta: {
    id: 'availability-zones-missing',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'A Premium service is not spread across availability zones.',
    guidance:
      'Without zones, a datacenter failure in the region takes the whole gateway down. ' +
      'List at least two zones in `zones` (and for each additional location) and give the service at least one unit per zone. ' +
      'Zones need capacity in multiples of the zone count, which raises cost.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/high-availability',
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      if (skuNameOf(service)?.toLowerCase() !== 'premium') continue;
      const zones = lookupPath(service.body, ['zones']);
      if (zones.state === 'unknown') continue;
      if (zones.state === 'present' && (!zones.value.known || !Array.isArray(zones.value.value) || zones.value.value.length >= 2)) continue;
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
