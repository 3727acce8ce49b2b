import { SLASH_COMMENT } from '../findings/commentStyle';
import { lineCommentSuppressions } from '../rules/inlineSuppressions';
import { parseBicep } from '../templates/bicep/bicepParser';
import { LineMap } from '../text/lineMap';
import type { DocumentInput, DocumentKind } from './documentKind';
import { BICEP_PARAMS_SELECTOR } from './editorSelectors';

export function isBicepParamsDocument(input: DocumentInput): boolean {
  if (input.languageId !== undefined) return input.languageId === 'bicep-params';
  return /\.bicepparam$/i.test(input.path);
}

/**
 * A `.bicepparam` file is a document of its own: its syntax is checked here. Its values are read by the
 * template it names (documents/suppliedParameters.ts), where the rules run.
 */
export const bicepParamsDocumentKind: DocumentKind = {
  id: 'bicep-params',
  fileExtensions: ['.bicepparam'],
  editorSelector: BICEP_PARAMS_SELECTOR,
  commentStyle: SLASH_COMMENT,
  matches: isBicepParamsDocument,
  analyse: (input) => ({
    findings: parseBicep(input.text, { fileKind: 'parameters' }).findings,
    failures: [],
    suppressions: lineCommentSuppressions(input.text, new LineMap(input.text), ['//']),
    embedded: [],
  }),
};
