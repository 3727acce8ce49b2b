import type { TemplateRule } from '../templateRule';
import { isUncertainValue, type TemplateResource } from '../../templates/templateModel';
import { isTrueLike, lookupPath, ownName, propertyAt, resourcesOfType, stringAt } from '../../templates/templateQueries';

/** The named value APIM itself creates for a logger's instrumentation key or connection string. */
const GENERATED_LOGGER_CREDENTIAL = /^Logger-Credentials--/i;

/** An identifier (tenant, client, application, object, group id) that some templates mark secret although it is not one. */
const IDENTIFIER_NAME = /(?:tenant|client|app|application|object|group|principal|subscription)[-_ .]?id$/i;

/** Names that say the value is a credential after all (`client-id-secret`, `app-key`). */
const CREDENTIAL_WORD = /secret|key|password|pwd|token|credential|connection/i;

/** Values whose secrecy is not the author's to fix: APIM's generated logger credentials and identifiers marked secret. */
function isNotAuthorSecret(namedValue: TemplateResource): boolean {
  const name = stringAt(namedValue.body, ['properties', 'displayName']) ?? ownName(namedValue) ?? '';
  if (GENERATED_LOGGER_CREDENTIAL.test(name)) return true;
  return IDENTIFIER_NAME.test(name) && !CREDENTIAL_WORD.test(name);
}

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
      if (lookupPath(namedValue.body, ['properties', 'keyVault']).state !== 'absent' || isNotAuthorSecret(namedValue)) continue;
      context.report({
        span: secret.value.span,
        uncertain: isUncertainValue(secret.value),
        message: 'This secret named value is not backed by Key Vault; reference a Key Vault secret instead of a value.',
      });
    }
  },
};
