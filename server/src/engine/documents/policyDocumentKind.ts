import { parsePolicy } from '../policy/policyParser';
import { POLICY_DOCUMENT_RULES } from '../rules/policyDocumentRules';
import { DEFAULT_RULE_SETTINGS } from '../rules/ruleSettings';
import { runPolicyDocumentRules } from '../rules/runPolicyDocumentRules';
import { inlineSuppressions, applyInlineSuppressions } from '../rules/inlineSuppressions';
import { unusedSuppressionFinding } from '../rules/unusedSuppressionFinding';
import { LineMap } from '../text/lineMap';
import type { DocumentInput, DocumentKind } from './documentKind';

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
  matches: isPolicyDocument,
  analyse(input) {
    const { document, findings } = parsePolicy(input.text);
    const rules = runPolicyDocumentRules({ text: input.text, document, scope: undefined }, POLICY_DOCUMENT_RULES, DEFAULT_RULE_SETTINGS);
    const lineMap = new LineMap(input.text);
    const { kept, unused } = applyInlineSuppressions(rules.findings, inlineSuppressions(document, lineMap), lineMap);
    return [...findings, ...kept, ...unused.map(unusedSuppressionFinding)];
  },
};
