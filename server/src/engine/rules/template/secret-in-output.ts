import type { TextEdit } from '../../findings/finding';
import { lineIndentAt } from '../../templates/indentation';
import type { TemplateModel, TemplateOutput } from '../../templates/templateModel';
import { listCallsIn, parametersReferencedBy } from '../../templates/templateReferences';
import type { TemplateRule } from '../templateRule';

/** What makes the output's value a secret, or undefined. */
function secretSource(model: TemplateModel, output: TemplateOutput): string | undefined {
  const call = listCallsIn(model, output.value)[0];
  if (call !== undefined) return `calls ${call}(), which returns keys or secrets`;
  const parameter = parametersReferencedBy(model, output.value).find((candidate) => candidate.secure);
  return parameter === undefined ? undefined : `returns the secure parameter '${parameter.name}'`;
}

/** Marks the output secure: `@secure()` above the Bicep declaration, a secure type in ARM. */
function secureOutputEdit(model: TemplateModel, output: TemplateOutput): TextEdit | undefined {
  if (model.dialect.id === 'bicep') {
    if (output.typeName !== 'string' && output.typeName !== 'object') return undefined;
    return {
      span: { start: output.declarationStart, end: output.declarationStart },
      newText: `@secure()\n${lineIndentAt(model.text, output.declarationStart)}`,
    };
  }
  const type = output.typeName?.toLowerCase();
  if (output.typeSpan === undefined || (type !== 'string' && type !== 'object')) return undefined;
  return { span: output.typeSpan, newText: type === 'string' ? '"securestring"' : '"secureObject"' };
}

export const secretInOutput: TemplateRule = {
  meta: {
    id: 'secret-in-output',
    pillars: ['security'],
    defaultSeverity: 'error',
    title: 'A deployment output returns a key or secret.',
    guidance:
      'Deployment outputs are stored in the deployment history in plain text, where anyone with read access to the resource group can read them. ' +
      'An output that returns `listSecrets()` / `listKeys()` results or a secure parameter hands out subscription keys, storage keys or passwords that way. ' +
      'Remove the output and read the secret where it is needed (or keep it in Key Vault), or mark the output secure so its value is not stored.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/bicep/linter-rule-outputs-should-not-contain-secrets',
  },
  check(context) {
    const { model } = context;
    for (const output of model.outputs ?? []) {
      if (output.secure) continue;
      const source = secretSource(model, output);
      if (source === undefined) continue;
      const edit = secureOutputEdit(model, output);
      context.report({
        span: output.nameSpan,
        message: `The output '${output.name}' ${source}; outputs are kept in the deployment history in plain text: remove it or mark it secure.`,
        fixes:
          edit === undefined
            ? []
            : [{ title: model.dialect.id === 'bicep' ? 'Mark the output @secure()' : 'Make the output type secure', edits: [edit], isPreferred: true }],
      });
    }
  },
};
