import { basename, dirname, join } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
import { SLASH_COMMENT } from '../findings/commentStyle';
import { isCompiledFromBicep } from '../templates/arm/armCompiledFromBicep';
import { looksLikeArmTemplate, readArmTemplate } from '../templates/arm/armTemplate';
import type { DocumentInput, DocumentKind, KindAnalysis } from './documentKind';
import { JSON_SELECTOR } from './editorSelectors';
import { suppliedParametersFor } from './suppliedParameters';
import { analyseTemplateModel } from './templateKindAnalysis';

/** True for an ARM deployment template: JSON whose `$schema` names deploymentTemplate.json. */
export function isArmTemplateDocument(input: DocumentInput): boolean {
  if (input.languageId !== undefined && input.languageId !== 'json' && input.languageId !== 'jsonc') return false;
  if (input.languageId === undefined && !/\.jsonc?$/i.test(input.path)) return false;
  return looksLikeArmTemplate(input.text);
}

/**
 * True when the template was compiled from a Bicep file that sits beside it (same name, or `main.bicep`,
 * as for `main.json` and the quickstarts' `azuredeploy.json`): the findings belong on the Bicep source, once.
 */
function isCompiledTwin(input: DocumentInput, files: FileAccess): boolean {
  if (!isCompiledFromBicep(input.text)) return false;
  const folder = dirname(input.path);
  const stem = basename(input.path).replace(/\.jsonc?$/i, '');
  return [`${stem}.bicep`, 'main.bicep'].some((name) => files.readText(join(folder, name)) !== undefined);
}

const NOTHING: KindAnalysis = { findings: [], failures: [], suppressions: [], embedded: [] };

export const armTemplateDocumentKind: DocumentKind = {
  id: 'arm-template',
  fileExtensions: ['.json'],
  editorSelector: JSON_SELECTOR,
  commentStyle: SLASH_COMMENT,
  matches: isArmTemplateDocument,
  analyse: (input, context) => {
    if (isCompiledTwin(input, context.files)) return NOTHING;
    const parameters = suppliedParametersFor(input.path, context.files);
    return analyseTemplateModel(readArmTemplate(input.text, parameters.values), input, context, parameters.notRead);
  },
};
