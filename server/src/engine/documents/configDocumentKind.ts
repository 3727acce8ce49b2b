import { basename } from 'node:path';
import { CONFIG_FILE_NAME } from '../config/apimStudioConfig';
import { parseConfig } from '../config/parseConfig';
import type { DocumentKind } from './documentKind';
import { JSON_SELECTOR } from './editorSelectors';

/** `.apim-studio.json` itself: mistakes in it are diagnostics on the file, live as the user types. */
export const configDocumentKind: DocumentKind = {
  id: 'config',
  fileExtensions: ['.json'],
  editorSelector: JSON_SELECTOR,
  commentStyle: undefined,
  matches: (input) => basename(input.path) === CONFIG_FILE_NAME,
  analyse: (input) => ({ findings: parseConfig(input.text).findings, failures: [], suppressions: [], embedded: [] }),
};
