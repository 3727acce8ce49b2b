import type { TemplateResource } from '../../templates/templateModel';
import { isUncertainValue } from '../../templates/templateModel';
import type { TemplateRule } from '../templateRule';
import { lookupPath, propertyAt, resourcesOfType, stringAt } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';

/** ARM can build `additionalLocations` with a property copy loop (`properties.copy[].name`); its length is then not static. */
function hasCopyLoopFor(service: TemplateResource, property: string): boolean {
  const loops = propertyAt(service.body, ['properties', 'copy'])?.value;
  if (loops === undefined) return false;
  // A loop whose name cannot be read might be this one.
  return (
    loops.shape !== 'array' ||
    loops.items.some((loop) => {
      const name = stringAt(loop, ['name']);
      return name === undefined || name.toLowerCase() === property.toLowerCase();
    })
  );
}

export const multiRegionMissing: TemplateRule = {
  meta: {
    id: 'multi-region-missing',
    pillars: ['reliability'],
    defaultSeverity: 'info',
    title: 'A Premium service runs in one region only.',
    guidance:
      'Availability zones protect against a datacenter failure, but a regional outage still takes a single-region service down. ' +
      'The Premium tier can add gateway units in other regions (`additionalLocations`), each serving traffic close to its callers. ' +
      'Each region is billed by its units, so weigh the cost against the availability you need.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-deploy-multi-region',
    productionOnly: true,
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      if (skuNameOf(service)?.toLowerCase() !== 'premium') continue;
      const locations = lookupPath(service.body, ['properties', 'additionalLocations']);
      if (locations.state === 'unknown' || hasCopyLoopFor(service, 'additionalLocations')) continue;
      if (locations.state === 'present' && (!locations.value.known || !Array.isArray(locations.value.value) || locations.value.value.length > 0)) continue;
      const skuName = propertyAt(service.body, ['sku', 'name'])?.value;
      context.report({
        span: skuName?.span ?? service.anchor,
        uncertain: isUncertainValue(skuName),
        message: 'This Premium service has no additional regions; add additionalLocations if it must survive a regional outage.',
      });
    }
  },
};
