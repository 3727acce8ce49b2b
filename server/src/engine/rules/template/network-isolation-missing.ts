import type { TemplateRule } from '../templateRule';
import { lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import { skuNameOf } from './functions/serviceSku';

/** `absent` counts as the default; unknown values make the whole check silent. */
function settingOf(found: ReturnType<typeof lookupPath>): string | 'absent' | undefined {
  if (found.state === 'absent') return 'absent';
  if (found.state === 'present' && found.value.known) return typeof found.value.value === 'string' ? found.value.value.toLowerCase() : undefined;
  return undefined;
}

export const networkIsolationMissing: TemplateRule = {
  meta: {
    id: 'network-isolation-missing',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'The service is neither in a virtual network nor closed to public network access.',
    guidance:
      'A gateway reachable from the whole internet depends entirely on its policies for protection. ' +
      'Deploy it into a virtual network (External or Internal), or disable public network access and reach it through a private endpoint or a front door with a WAF. ' +
      'Network isolation costs planning and, for VNet injection, a tier that supports it, so this is advice rather than a defect.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/virtual-network-concepts',
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      if (skuNameOf(service)?.toLowerCase() === 'consumption') continue;
      const vnet = settingOf(lookupPath(service.body, ['properties', 'virtualNetworkType']));
      const publicAccess = settingOf(lookupPath(service.body, ['properties', 'publicNetworkAccess']));
      if (vnet === undefined || publicAccess === undefined) continue;
      if ((vnet !== 'absent' && vnet !== 'none') || publicAccess === 'disabled') continue;
      context.report({
        span: propertyAt(service.body, ['properties', 'virtualNetworkType'])?.value.span ?? service.anchor,
        message: 'This service is open to public networks and not in a virtual network; consider VNet integration or disabling public network access.',
      });
    }
  },
};
