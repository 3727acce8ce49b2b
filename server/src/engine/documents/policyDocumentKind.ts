import { XML_COMMENT } from '../findings/commentStyle';
import type { DocumentInput, DocumentKind } from './documentKind';
import { POLICY_SELECTOR } from './editorSelectors';
import { analysePolicy } from './policy/analysePolicy';

const POLICY_FILE_NAME = /(^|[\\/])(policy\.xml|[^\\/]*\.policy\.xml|[^\\/]*\.apim\.xml)$/i;
/** The root element, after an optional BOM, XML declaration and comments. */
const POLICY_ROOT = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(policies|fragment)[\s>/]/;

/** True when the document is an APIM policy or fragment, by language id, file name or root element. */
export function isPolicyDocument(input: DocumentInput): boolean {
  if (input.languageId === 'apim-policy') return true;
  if (input.languageId !== undefined && input.languageId !== 'xml') return false;
  if (input.languageId === undefined && POLICY_FILE_NAME.test(input.path)) return true;
  return POLICY_ROOT.test(input.text.slice(0, 4096));
}

export const policyDocumentKind: DocumentKind = {
  id: 'policy',
  fileExtensions: ['.xml'],
  editorSelector: POLICY_SELECTOR,
  commentStyle: XML_COMMENT,
  matches: isPolicyDocument,
  analyse: analysePolicy,
};
