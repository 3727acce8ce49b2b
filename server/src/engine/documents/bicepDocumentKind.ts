import { SLASH_COMMENT } from '../findings/commentStyle';
import { readBicepTemplate } from '../templates/bicepTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';
import { BICEP_SELECTOR } from './editorSelectors';
import { suppliedParametersFor } from './suppliedParameters';
import { analyseTemplateModel } from './templateKindAnalysis';

/** A `.bicep` file whatever language the editor gives it (plain text without the Bicep extension), or a `bicep` buffer. */
export function isBicepDocument(input: DocumentInput): boolean {
  return input.languageId === 'bicep' || /\.bicep$/i.test(input.path);
}

export const bicepDocumentKind: DocumentKind = {
  id: 'bicep',
  fileExtensions: ['.bicep'],
  editorSelector: BICEP_SELECTOR,
  commentStyle: SLASH_COMMENT,
  matches: isBicepDocument,
  analyse: (input, context) => {
    const parameters = suppliedParametersFor(input.path, context.files);
    return analyseTemplateModel(readBicepTemplate(input.text, parameters.values), input, context, parameters.notRead);
  },
};
