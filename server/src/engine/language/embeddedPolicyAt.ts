import type { DocumentScope } from '../policy/policyVocabulary';
import { looksLikeArmTemplate, readArmTemplate } from '../templates/arm/armTemplate';
import { readBicepTemplate } from '../templates/bicepTemplate';
import { valueSpanToSource } from '../templates/bicep/bicepStringValue';
import { findTemplatePolicies } from '../templates/embeddedPolicies';
import { sourceOffsetToValue } from '../templates/embeddedTextMapping';
import type { Span } from '../text/span';

/** An editor document that may be a template (the same facts the document kinds decide by). */
export interface TemplateInput {
  readonly path: string;
  readonly languageId?: string;
  readonly text: string;
}

/** A policy written inside an ARM or Bicep string, seen from a cursor in the template. */
export interface EmbeddedPolicyAtCursor {
  /** The decoded policy text: what APIM receives. */
  readonly text: string;
  /** The cursor, as an offset in `text`. */
  readonly offset: number;
  /** The scope the policy resource sets. */
  readonly scope: DocumentScope;
  /** Maps a span of `text` back to the template, widened to whole escapes. */
  toSource(span: Span): Span;
  /** Policy text as it must be written in the host string; undefined when it cannot be. */
  toHostText(text: string): string | undefined;
}

/**
 * The embedded policy under the cursor of a template document, so hover and completion work there as in a policy
 * file. Undefined when the document is no template or the cursor is outside every policy string.
 */
export function embeddedPolicyAt(input: TemplateInput, sourceOffset: number): EmbeddedPolicyAtCursor | undefined {
  const isBicep = input.languageId === 'bicep' || /\.bicep$/i.test(input.path);
  const isJson = input.languageId === 'json' || input.languageId === 'jsonc' || /\.jsonc?$/i.test(input.path);
  const model = isBicep ? readBicepTemplate(input.text) : isJson && looksLikeArmTemplate(input.text) ? readArmTemplate(input.text) : undefined;
  if (!model) return undefined;
  for (const policy of findTemplatePolicies(model).embedded) {
    const literal = policy.content.literalText;
    const offset = literal && sourceOffsetToValue(literal, sourceOffset);
    if (!literal || offset === undefined) continue;
    return {
      text: literal.value,
      offset,
      scope: policy.scope,
      toSource: (span) => valueSpanToSource(literal, span),
      toHostText: (text) => policy.style.escape(text),
    };
  }
  return undefined;
}
