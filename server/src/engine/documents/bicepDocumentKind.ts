import { analyseTemplate } from '../templates/analyseTemplate';
import { readBicepTemplate } from '../templates/bicepTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';

export function isBicepDocument(input: DocumentInput): boolean {
  if (input.languageId !== undefined) return input.languageId === 'bicep';
  return /\.bicep$/i.test(input.path);
}

export const bicepDocumentKind: DocumentKind = {
  id: 'bicep',
  fileExtensions: ['.bicep'],
  matches: isBicepDocument,
  analyse: (input, context) => analyseTemplate(readBicepTemplate(input.text), input.path, context),
};
