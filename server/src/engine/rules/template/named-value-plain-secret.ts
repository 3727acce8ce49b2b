import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { ensurePropertiesEdit, replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, lookupPath, ownName, propertyAt, resourcesOfType, stringAt } from '../../templates/templateQueries';
import { findEmbeddedSecrets } from '../functions/embeddedSecrets';
import { isPlaceholderValue } from '../functions/placeholderValue';
import { isSecretLikeName } from '../functions/secretLikeName';
import { shannonEntropy } from '../functions/shannonEntropy';

/** A key or token under a credential-like name must look random: long enough, one word, not a placeholder. */
const MIN_KEY_LENGTH = 16;
const MIN_KEY_ENTROPY = 3;

/** What makes the value look like a credential, or undefined. */
function secretEvidence(name: string | undefined, value: string): string | undefined {
  const trimmed = value.trim();
  // A policy expression computes the value at run time.
  if (trimmed.startsWith('@')) return undefined;
  const embedded = findEmbeddedSecrets(trimmed)[0];
  if (embedded !== undefined) return `it holds ${embedded.label}`;
  const looksRandom =
    trimmed.length >= MIN_KEY_LENGTH &&
    !/\s/.test(trimmed) &&
    !/^https?:\/\//i.test(trimmed) &&
    !isPlaceholderValue(trimmed) &&
    shannonEntropy(trimmed) >= MIN_KEY_ENTROPY;
  return name !== undefined && isSecretLikeName(name) && looksRandom ? `its name says it is a credential and the value looks like a key` : undefined;
}

export const namedValuePlainSecret: TemplateRule = {
  meta: {
    id: 'named-value-plain-secret',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A named value that is not marked secret holds what looks like a credential.',
    guidance:
      'A plain named value is shown in the portal, returned by the management API and kept in clear text in every template and artifact that carries it. ' +
      'Move the credential to Key Vault and reference it from the named value, or at least mark the named value as secret so the service encrypts and hides it. ' +
      'Rotate a credential that has already been committed to source control.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-properties',
  },
  check(context) {
    const { model } = context;
    for (const namedValue of [
      ...resourcesOfType(model.resources, 'service/namedValues'),
      ...resourcesOfType(model.resources, 'service/workspaces/namedValues'),
    ]) {
      const secret = lookupPath(namedValue.body, ['properties', 'secret']);
      if (secret.state === 'unknown' || (secret.state === 'present' && (!secret.value.known || isTrueLike(secret.value)))) continue;
      if (lookupPath(namedValue.body, ['properties', 'keyVault']).state !== 'absent') continue;
      const valueNode = propertyAt(namedValue.body, ['properties', 'value'])?.value;
      const value = valueNode?.value();
      if (valueNode === undefined || !value?.known || typeof value.value !== 'string') continue;
      const name = stringAt(namedValue.body, ['properties', 'displayName']) ?? ownName(namedValue);
      const evidence = secretEvidence(name, value.value);
      if (evidence === undefined) continue;
      const written = propertyAt(namedValue.body, ['properties', 'secret'])?.value;
      const edit =
        written !== undefined ? replaceValueEdit(model, written, true) : ensurePropertiesEdit(model, namedValue.body, ['properties'], [['secret', true]]);
      context.report({
        span: valueNode.span,
        uncertain: isUncertainValue(valueNode),
        message: `The named value${name === undefined ? '' : ` '${name}'`} is not secret but ${evidence}; keep it in Key Vault, or at least mark it secret.`,
        fixes: edit === undefined ? [] : [{ title: 'Mark the named value as secret', edits: [edit], isPreferred: false }],
      });
    }
  },
};
