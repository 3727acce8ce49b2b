import { dirname } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
import {
  apiopsArtifactPosition,
  isServiceInformationPath,
  serviceInformationPosition,
  type ApiopsArtifactPosition,
} from '../templates/apiops/apiopsArtifactPosition';
import { readApiopsArtifact } from '../templates/apiops/apiopsArtifactTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';
import { JSON_SELECTOR } from './editorSelectors';
import { analyseTemplateModel } from './templateKindAnalysis';

/** The resource an APIOps information file holds, when the document is JSON at its APIOps position. */
function positionOf(input: DocumentInput, files: FileAccess): ApiopsArtifactPosition | undefined {
  if (input.languageId !== undefined && input.languageId !== 'json' && input.languageId !== 'jsonc') return undefined;
  if (isServiceInformationPath(input.path)) return serviceInformationPosition(input.path, files.listFolder(dirname(input.path)));
  return apiopsArtifactPosition(input.path);
}

/**
 * APIOps artifact JSON (`apiInformation.json`, `backendInformation.json`, ... of classic APIOps and
 * apiops-cli): each file is one resource, analysed with the template rules. Strict JSON: no comments.
 */
export const apiopsArtifactDocumentKind: DocumentKind = {
  id: 'apiops-artifact',
  fileExtensions: ['.json'],
  editorSelector: JSON_SELECTOR,
  commentStyle: undefined,
  matches: (input, files) => positionOf(input, files) !== undefined,
  analyse: (input, context) => {
    const position = positionOf(input, context.files);
    if (position === undefined) return { findings: [], failures: [], suppressions: [], embedded: [] };
    return analyseTemplateModel(readApiopsArtifact(input.text, position), input, context);
  },
};
