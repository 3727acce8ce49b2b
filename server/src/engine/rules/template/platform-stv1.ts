import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const platformStv1: TemplateRule = {
  meta: {
    id: 'platform-stv1',
    pillars: ['reliability', 'security'],
    defaultSeverity: 'warning',
    title: 'The service runs on the retired stv1 compute platform.',
    guidance:
      'Support for the stv1 platform ended on 31 August 2024, and it lacks availability zones and private endpoints. ' +
      '`platformVersion` is read-only, so the template only records where the instance runs: migrate the instance to stv2 (a migration call, or a new subnet or zones for VNet-injected instances). ' +
      'Then export the template again so it no longer states stv1.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/compute-infrastructure',
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      const version = propertyAt(service.body, ['properties', 'platformVersion'])?.value;
      const value = version?.value();
      if (version === undefined || !value?.known || typeof value.value !== 'string' || value.value.toLowerCase() !== 'stv1') continue;
      context.report({
        span: version.span,
        uncertain: isUncertainValue(version),
        message: 'This service is on the retired stv1 platform; migrate it to stv2.',
      });
    }
  },
};
