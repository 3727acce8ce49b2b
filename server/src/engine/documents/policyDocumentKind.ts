import type { AnalysisContext } from '../analysis/analysisContext';
import { pathForGlobs } from '../config/configLocator';
import { isIgnored, resolveRuleSettings } from '../config/resolveRuleSettings';
import type { Finding } from '../findings/finding';
import { parsePolicy } from '../policy/policyParser';
import { applyInlineSuppressions, inlineSuppressions } from '../rules/inlineSuppressions';
import { POLICY_DOCUMENT_RULES } from '../rules/policyDocumentRules';
import { runPolicyDocumentRules } from '../rules/runPolicyDocumentRules';
import { unusedSuppressionFinding } from '../rules/unusedSuppressionFinding';
import { validatePolicySchema } from '../schema/validatePolicySchema';
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

function analysePolicy(input: DocumentInput, context: AnalysisContext): Finding[] {
  const located = context.configFor(input.path);
  const relativePath = pathForGlobs(located, input.path);
  if (isIgnored(located.config, relativePath)) return [];
  const { document, findings: syntax } = parsePolicy(input.text);
  const schema = validatePolicySchema(document, { gateway: located.config.gateway });
  const ruleSettings = resolveRuleSettings(located.config, relativePath);
  const rules = runPolicyDocumentRules({ text: input.text, document, scope: undefined }, POLICY_DOCUMENT_RULES, ruleSettings);
  const lineMap = new LineMap(input.text);
  const { kept, unused } = applyInlineSuppressions(rules.findings, inlineSuppressions(document, lineMap), lineMap);
  return [...syntax, ...schema, ...kept, ...unused.map(unusedSuppressionFinding)];
}

export const policyDocumentKind: DocumentKind = {
  id: 'policy',
  fileExtensions: ['.xml'],
  matches: isPolicyDocument,
  analyse: analysePolicy,
};
