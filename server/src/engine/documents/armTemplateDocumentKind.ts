import { readFileSync } from 'node:fs';
import { parameterFileCandidates, readParameterFile } from '../templates/arm/armParameterFile';
import { looksLikeArmTemplate, readArmTemplate, type SuppliedParameters } from '../templates/arm/armTemplate';
import { analyseTemplate } from '../templates/analyseTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';

/** Values from the first parameters file beside the template (none when there is none or it cannot be read). */
function suppliedParametersFor(path: string): SuppliedParameters {
  for (const candidate of parameterFileCandidates(path)) {
    try {
      return readParameterFile(readFileSync(candidate, 'utf8'));
    } catch {
      // Not there or unreadable: try the next name.
    }
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
  matches: isArmTemplateDocument,
  analyse: (input, context) => analyseTemplate(readArmTemplate(input.text, suppliedParametersFor(input.path)), input.path, context),
};
