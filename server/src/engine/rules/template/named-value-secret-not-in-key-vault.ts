import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { isTrueLike, lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const namedValueSecretNotInKeyVault: TemplateRule = {
  meta: {
    id: 'named-value-secret-not-in-key-vault',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'A secret named value keeps its value in the template instead of Key Vault.',
    guidance:
      'A secret written into a template (or passed as a parameter) ends up in deployment history and source control, and rotating it means redeploying. ' +
      'Reference a Key Vault secret with `keyVault.secretIdentifier` and let the service read it with its managed identity. ' +
      'Key Vault adds one dependency to manage, in exchange for central rotation and auditing.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-properties',
  },
  check(context) {
    const { resources } = context.model;
    for (const namedValue of [...resourcesOfType(resources, 'service/namedValues'), ...resourcesOfType(resources, 'service/workspaces/namedValues')]) {
      const secret = propertyAt(namedValue.body, ['properties', 'secret']);
      if (secret === undefined || !isTrueLike(secret.value.value())) continue;
      if (lookupPath(namedValue.body, ['properties', 'keyVault']).state !== 'absent') continue;
      context.report({ span: secret.value.span, uncertain: isUncertainValue(secret.value), message: 'This secret named value is not backed by Key Vault; reference a Key Vault secret instead of a value.' });
    }
  },
};
