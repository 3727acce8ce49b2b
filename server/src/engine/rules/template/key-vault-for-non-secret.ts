import type { TemplateRule } from '../templateRule';
import type { TemplateValue } from '../../templates/templateModel';
import { isFalseLike, lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';

/**
 * A keyVault value that says "no Key Vault": null, an empty object or an empty string, as an optional
 * parameter left at its default (`param keyVault object?`, `= {}`, `= ''`) evaluates.
 */
function isEmptyValue(value: TemplateValue): boolean {
  if (!value.known) return false;
  const known = value.value;
  return known === null || known === '' || (typeof known === 'object' && !Array.isArray(known) && Object.keys(known).length === 0);
}

export const keyVaultForNonSecret: TemplateRule = {
  meta: {
    id: 'key-vault-for-non-secret',
    pillars: ['operational-excellence', 'cost-optimization'],
    defaultSeverity: 'info',
    title: 'A named value declared not secret is stored in Key Vault.',
    guidance:
      'Key Vault is for secrets: every Key Vault named value adds a dependency the gateway must reach, a managed identity permission, and a refresh delay of up to four hours after a change. ' +
      'A value the template itself marks `secret: false` (a URL, a region, a feature flag) is simpler and easier to review as a plain named value, overridden per environment. ' +
      'If the value really is sensitive, mark it secret instead.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-properties',
  },
  check(context) {
    const { resources } = context.model;
    for (const namedValue of [...resourcesOfType(resources, 'service/namedValues'), ...resourcesOfType(resources, 'service/workspaces/namedValues')]) {
      const secret = propertyAt(namedValue.body, ['properties', 'secret']);
      // Only an explicit `secret: false` says the author considers the value plain; absence says nothing.
      if (secret === undefined || !isFalseLike(secret.value.value())) continue;
      const keyVault = lookupPath(namedValue.body, ['properties', 'keyVault']);
      if (keyVault.state === 'absent' || (keyVault.state === 'present' && isEmptyValue(keyVault.value))) continue;
      context.report({
        span: secret.value.span,
        message: 'This named value is marked not secret but is read from Key Vault; store plain values as plain named values, or mark it secret.',
      });
    }
  },
};
