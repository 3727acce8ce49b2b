import type { TemplateModel, TemplateNode, TemplateResource } from '../../templates/templateModel';
import { ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import { parametersReferencedBy } from '../../templates/templateReferences';
import type { TemplateRule } from '../templateRule';
import { isPlaceholderValue } from '../functions/placeholderValue';
import { isSecretLikeName } from '../functions/secretLikeName';

/** One value the backend sends as a credential, and what it is called. */
interface CredentialValue {
  readonly what: string;
  readonly node: TemplateNode;
}

/** Header and query values (each an array of strings) under names that carry a credential, and the authorization parameter. */
function credentialValues(backend: TemplateResource): CredentialValue[] {
  const values: CredentialValue[] = [];
  for (const [list, label] of [
    ['header', 'header'],
    ['query', 'query parameter'],
  ] as const) {
    for (const entry of propertyAt(backend.body, ['properties', 'credentials', list])?.value.properties ?? []) {
      if (!isSecretLikeName(entry.key) && entry.key.toLowerCase() !== 'authorization') continue;
      const what = `${label} '${entry.key}'`;
      if (entry.value.shape === 'array') for (const item of entry.value.items) values.push({ what, node: item });
      else values.push({ what, node: entry.value });
    }
  }
  const parameter = propertyAt(backend.body, ['properties', 'credentials', 'authorization', 'parameter'])?.value;
  if (parameter !== undefined) values.push({ what: 'authorization parameter', node: parameter });
  return values;
}

/** Why the value is exposed, or undefined when it comes from a named value, a secure parameter or cannot be known. */
function exposure(model: TemplateModel, node: TemplateNode): string | undefined {
  if (node.shape === 'scalar') {
    const value = node.value();
    if (!value.known || typeof value.value !== 'string' || isPlaceholderValue(value.value)) return undefined;
    return 'written into the template';
  }
  if (node.shape !== 'computed') return undefined;
  const value = node.value();
  // A named value whose name is computed (`'{{${keyName}}}'`) is still a named value.
  if ((value.known && typeof value.value === 'string' && value.value.includes('{{')) || model.text.slice(node.span.start, node.span.end).includes('{{'))
    return undefined;
  const parameters = parametersReferencedBy(model, node);
  if (parameters.length === 0 || parameters.some((parameter) => parameter.secure)) return undefined;
  return `taken from the plain parameter '${parameters[0].name}'`;
}

export const backendCredentialPlain: TemplateRule = {
  meta: {
    id: 'backend-credential-plain',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A backend sends a credential that is written in the template or passed as a plain parameter.',
    guidance:
      "A key in a backend entity's `credentials` that is written in the template sits in source control, and one passed as a plain (not secure) parameter is stored in the deployment history in clear text. " +
      'Reference a named value instead (`{{backend-key}}`) and back that named value with Key Vault, or authenticate to the backend with the managed identity. ' +
      'Rotate a key that has already been committed.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    const { model } = context;
    for (const backend of [...resourcesOfType(model.resources, 'service/backends'), ...resourcesOfType(model.resources, 'service/workspaces/backends')]) {
      for (const { what, node } of credentialValues(backend)) {
        const why = exposure(model, node);
        if (why === undefined) continue;
        const name = ownName(backend);
        context.report({
          span: node.span,
          message: `The backend${name === undefined ? '' : ` '${name}'`} sends the credential ${what} ${why}; reference a Key Vault-backed named value ({{...}}) instead.`,
        });
      }
    }
  },
};
