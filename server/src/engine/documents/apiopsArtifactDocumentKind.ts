import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyseTemplate } from '../templates/analyseTemplate';
import {
  apiopsArtifactPosition,
  isServiceInformationPath,
  serviceInformationPosition,
  type ApiopsArtifactPosition,
} from '../templates/apiops/apiopsArtifactPosition';
import { readApiopsArtifact } from '../templates/apiops/apiopsArtifactTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';

/** Names in the file's folder; none when it cannot be listed (an unsaved or remote document). */
function siblingNames(path: string): string[] {
  try {
    return readdirSync(dirname(path));
  } catch {
    return [];
  }
}

/** The resource an APIOps information file holds, when the document is JSON at its APIOps position. */
function positionOf(input: DocumentInput): ApiopsArtifactPosition | undefined {
  if (input.languageId !== undefined && input.languageId !== 'json' && input.languageId !== 'jsonc') return undefined;
  if (isServiceInformationPath(input.path)) return serviceInformationPosition(input.path, siblingNames(input.path));
  return apiopsArtifactPosition(input.path);
}

/**
 * APIOps artifact JSON (`apiInformation.json`, `backendInformation.json`, ... of classic APIOps and
 * apiops-cli): each file is one resource, analysed with the template rules.
 */
export const apiopsArtifactDocumentKind: DocumentKind = {
  id: 'apiops-artifact',
  fileExtensions: ['.json'],
  matches: (input) => positionOf(input) !== undefined,
  analyse: (input, context) => {
    const position = positionOf(input);
    if (position === undefined) return { findings: [], failures: [] };
    return analyseTemplate(readApiopsArtifact(input.text, position), input.path, context);
  },
};
