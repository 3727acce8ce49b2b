import type { FileAccess } from '../files/fileAccess';
import { SLASH_COMMENT } from '../findings/commentStyle';
import { parameterFileCandidates, readParameterFile } from '../templates/arm/armParameterFile';
import { looksLikeArmTemplate, readArmTemplate, type SuppliedParameters } from '../templates/arm/armTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';
import { JSON_SELECTOR } from './editorSelectors';
import { analyseTemplateModel } from './templateKindAnalysis';

/** Values from the first parameters file beside the template (none when there is none or it cannot be read). */
function suppliedParametersFor(path: string, files: FileAccess): SuppliedParameters {
  for (const candidate of parameterFileCandidates(path)) {
    const text = files.readText(candidate);
    if (text !== undefined) return readParameterFile(text);
  }
  return new Map();
}

/** True for an ARM deployment template: JSON whose `$schema` names deploymentTemplate.json. */
export function isArmTemplateDocument(input: DocumentInput): boolean {
  if (input.languageId !== undefined && input.languageId !== 'json' && input.languageId !== 'jsonc') return false;
  if (input.languageId === undefined && !/\.jsonc?$/i.test(input.path)) return false;
  return looksLikeArmTemplate(input.text);
}

export const armTemplateDocumentKind: DocumentKind = {
  id: 'arm-template',
  fileExtensions: ['.json'],
  editorSelector: JSON_SELECTOR,
  commentStyle: SLASH_COMMENT,
  matches: isArmTemplateDocument,
  analyse: (input, context) => analyseTemplateModel(readArmTemplate(input.text, suppliedParametersFor(input.path, context.files)), input, context),
};
