import type { TemplateRule } from '../templateRule';
import { insertPropertiesEdit } from '../../templates/templateEdits';
import { lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const managedIdentityMissing: TemplateRule = {
  meta: {
    id: 'managed-identity-missing',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'The service has no managed identity.',
    guidance:
      'Without a managed identity, the gateway needs stored secrets to read Key Vault named values and certificates or to call Azure backends. ' +
      'Give the service a system-assigned or user-assigned identity and grant it only the roles it needs. ' +
      'The identity by itself grants nothing, so adding it is low risk.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-use-managed-service-identity',
  },
  check(context) {
    const { model } = context;
    for (const service of resourcesOfType(model.resources, 'service')) {
      const identity = lookupPath(service.body, ['identity']);
      if (identity.state === 'unknown') continue;
      if (identity.state === 'present') {
        const type = lookupPath(service.body, ['identity', 'type']);
        if (type.state !== 'present' || !type.value.known || typeof type.value.value !== 'string' || type.value.value.toLowerCase() !== 'none') continue;
        context.report({
          span: propertyAt(service.body, ['identity', 'type'])?.value.span ?? service.anchor,
          message: 'The service identity type is None; use SystemAssigned or a user-assigned identity.',
        });
        continue;
      }
      const edit = insertPropertiesEdit(model, service.body, [['identity', { type: 'SystemAssigned' }]]);
      context.report({
        span: service.anchor,
        message: 'This service has no managed identity; add one so it can reach Key Vault and backends without stored secrets.',
        fixes: edit === undefined ? [] : [{ title: 'Add a system-assigned identity', edits: [edit], isPreferred: false }],
      });
    }
  },
};
