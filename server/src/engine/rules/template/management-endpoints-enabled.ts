import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';

const ENDPOINTS: Readonly<Record<string, string>> = {
  access: 'direct management API',
  gitaccess: 'Git configuration endpoint',
  gatewayaccess: 'self-hosted gateway configuration endpoint',
};

export const managementEndpointsEnabled: TemplateRule = {
  meta: {
    id: 'management-endpoints-enabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'The direct management API, Git or gateway configuration endpoint is enabled.',
    guidance:
      'These tenant endpoints offer a second way to change or read the service configuration, outside Azure Resource Manager and its role-based access control. ' +
      'Keep them disabled and manage the service through ARM. ' +
      'Self-hosted gateways that still use the configuration endpoint need it; prefer Entra authentication for them.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-configuration-repository-git',
  },
  check(context) {
    const { model } = context;
    for (const tenant of resourcesOfType(model.resources, 'service/tenant')) {
      const name = ownName(tenant)?.toLowerCase();
      const label = name === undefined ? undefined : ENDPOINTS[name];
      const enabled = propertyAt(tenant.body, ['properties', 'enabled']);
      if (label === undefined || enabled === undefined || !isTrueLike(enabled.value.value())) continue;
      context.report({
        span: enabled.value.span,
        uncertain: isUncertainValue(enabled.value),
        message: `The ${label} is enabled; disable it and manage the service through Azure Resource Manager.`,
        fixes: [{ title: `Disable the ${label}`, edits: [replaceValueEdit(model, enabled.value, false)], isPreferred: false }],
      });
    }
  },
};
