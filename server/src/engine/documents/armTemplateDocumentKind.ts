import { dirname } from 'node:path';
import { DEFAULT_MAX_READ_BYTES, readGuardedFile } from '../files/guardedRead';
import { parameterFileCandidates, readParameterFile } from '../templates/arm/armParameterFile';
import { looksLikeArmTemplate, readArmTemplate, type SuppliedParameters } from '../templates/arm/armTemplate';
import { analyseTemplate } from '../templates/analyseTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';

/** Values from the first parameters file beside the template (none when there is none or it cannot be read). */
function suppliedParametersFor(path: string): SuppliedParameters {
  for (const candidate of parameterFileCandidates(path)) {
    // Guarded: a parameters file that is a FIFO, or a link out of the template's folder, is not read.
    const read = readGuardedFile(candidate, { roots: [dirname(path)], maxBytes: DEFAULT_MAX_READ_BYTES });
    if (read.kind === 'text') return readParameterFile(read.text);
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
