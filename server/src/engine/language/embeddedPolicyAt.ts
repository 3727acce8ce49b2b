import type { DocumentInput } from '../documents/documentKind';
import { isArmTemplateDocument } from '../documents/armTemplateDocumentKind';
import { isBicepDocument } from '../documents/bicepDocumentKind';
import type { DocumentScope } from '../schema/schemaContext';
import { readArmTemplate } from '../templates/arm/armTemplate';
import { readBicepTemplate } from '../templates/bicepTemplate';
import { valueSpanToSource } from '../templates/bicep/bicepStringValue';
import { findTemplatePolicies } from '../templates/embeddedPolicies';
import { escapeForHost, sourceOffsetToValue } from '../templates/embeddedTextMapping';
import type { Span } from '../text/span';

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
export function embeddedPolicyAt(input: DocumentInput, sourceOffset: number): EmbeddedPolicyAtCursor | undefined {
  const model = isArmTemplateDocument(input) ? readArmTemplate(input.text) : isBicepDocument(input) ? readBicepTemplate(input.text) : undefined;
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
      toHostText: (text) => escapeForHost(text, policy.style),
    };
  }
  return undefined;
}
