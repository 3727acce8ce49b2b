import { parsePolicy } from '../policy/policyParser';
import { looksLikeArmTemplate, readArmTemplate } from '../templates/arm/armTemplate';
import { valueSpanToSource } from '../templates/bicep/bicepStringValue';
import { findTemplatePolicies } from '../templates/embeddedPolicies';
import type { TemplateInput } from './embeddedPolicyAt';
import { expressionTokens, type ExpressionToken } from './expressionTokens';

/**
 * The expression tokens of the policies an ARM template writes in JSON strings, on template offsets (widened to
 * whole escapes). Undefined for anything else: Bicep has its own extension's semantic colouring, which an answer
 * from this server would replace, and JSON has none.
 */
export function templateExpressionTokens(input: TemplateInput): ExpressionToken[] | undefined {
  const isJson = input.languageId === 'json' || input.languageId === 'jsonc' || /\.jsonc?$/i.test(input.path);
  if (!isJson || !looksLikeArmTemplate(input.text)) return undefined;
  const tokens: ExpressionToken[] = [];
  for (const policy of findTemplatePolicies(readArmTemplate(input.text)).embedded) {
    const literal = policy.content.literalText;
    if (!literal) continue;
    for (const token of expressionTokens(parsePolicy(literal.value).document)) tokens.push({ ...token, span: valueSpanToSource(literal, token.span) });
  }
  return tokens.sort((a, b) => a.span.start - b.span.start);
}
