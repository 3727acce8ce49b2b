import type { AnalysisContext } from '../analysis/analysisContext';
import { pathForGlobs } from '../config/configLocator';
import { isSuppressedByConfig } from '../config/configSuppressions';
import { isIgnored, resolveRuleSettings } from '../config/resolveRuleSettings';
import { applyInlineSuppressions, lineCommentSuppressions } from '../rules/inlineSuppressions';
import { unusedSuppressionFinding } from '../rules/unusedSuppressionFinding';
import { LineMap } from '../text/lineMap';
import type { KindAnalysis } from '../documents/documentKind';
import { runTemplateRules } from '../rules/runTemplateRules';
import { TEMPLATE_RULES } from '../rules/templateRules';
import { analyseEmbeddedPolicies } from './embeddedPolicies';
import type { TemplateModel } from './templateModel';


/** Syntax, template rules and embedded policies of one template, governed by the file's `.apim-studio.json`. */
export function analyseTemplate(model: TemplateModel, path: string, context: AnalysisContext): KindAnalysis {
  const located = context.configFor(path);
  const relativeToConfig = pathForGlobs(located, path);
  if (isIgnored(located.config, relativeToConfig)) return { findings: [], failures: [] };
  const settings = resolveRuleSettings(located.config, relativeToConfig);
  const rules = runTemplateRules(model, TEMPLATE_RULES, settings);
  const embedded = analyseEmbeddedPolicies(model, path, context);
  const today = new Date();
  const ruleFindings = rules.findings.filter((finding) => !isSuppressedByConfig(located.config, finding.code, relativeToConfig, today));
  const lineMap = new LineMap(model.text);
  const { kept, unused } = applyInlineSuppressions([...ruleFindings, ...embedded.findings], lineCommentSuppressions(model.text, lineMap), lineMap);
  return {
    findings: [...model.syntaxFindings, ...kept, ...unused.map(unusedSuppressionFinding)],
    failures: [...rules.failures, ...embedded.failures],
  };
}
