import type { Finding } from '../findings/finding';
import { lineCommentSuppressions } from '../rules/inlineSuppressions';
import { runTemplateRules } from '../rules/runTemplateRules';
import { TEMPLATE_RULES } from '../rules/templateRules';
import { LineMap } from '../text/lineMap';
import { findTemplatePolicies } from '../templates/embeddedPolicies';
import { mapEmbeddedFinding } from '../templates/embeddedTextMapping';
import type { TemplateModel } from '../templates/templateModel';
import type { DeploymentView } from '../workspace/deploymentView';
import type { DocumentInput, EmbeddedDocument, KindAnalysis, KindContext } from './documentKind';

/** What the templates deployed with this one declare, when it belongs to a folder (an embedded or loose template has none). */
function deploymentViewOf(path: string, context: KindContext): DeploymentView | undefined {
  const workspace = context.workspaceFor(path);
  const relativePath = workspace?.relativePathOf(path);
  return relativePath === undefined ? undefined : workspace?.deploymentViewOf(relativePath);
}

/**
 * Template rules on a template model, its suppression comments, and the policies written inside its strings.
 * `readerFindings`: what reading the template's surroundings found (a parameters file that was not read).
 */
export function analyseTemplateModel(model: TemplateModel, input: DocumentInput, context: KindContext, readerFindings: readonly Finding[] = []): KindAnalysis {
  const rules = runTemplateRules(model, TEMPLATE_RULES, context.ruleSettings, context.today, deploymentViewOf(input.path, context));
  const embedded: EmbeddedDocument[] = [];
  for (const policy of findTemplatePolicies(model).embedded) {
    const text = policy.content.literalText;
    if (text === undefined) continue;
    embedded.push({
      input: { path: input.path, languageId: 'apim-policy', text: text.value, host: { scope: policy.scope } },
      mapFinding: (finding) => mapEmbeddedFinding(finding, text, policy.style),
      ...(policy.style.rawLines === true ? { rawLinesSpan: text.sourceSpan } : {}),
    });
  }
  return {
    findings: [...readerFindings, ...model.syntaxFindings, ...rules.findings],
    failures: rules.failures,
    suppressions: lineCommentSuppressions(model.text, new LineMap(model.text), model.dialect.lineCommentMarkers),
    embedded,
  };
}
