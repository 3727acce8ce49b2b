import { decodeEntities } from '../../policy/entities';
import type { PolicyExpression, XmlAttribute, XmlDocument, XmlElement } from '../../policy/syntaxTree';
import { allElements } from '../../policy/treeQueries';

/** A policy expression found in a document, with the element (and attribute, if any) that holds it. */
export interface LocatedExpression {
  readonly expression: PolicyExpression;
  readonly element: XmlElement;
  readonly attribute: XmlAttribute | undefined;
  /** The C# code between the brackets, with XML entities decoded (as the gateway compiles it). */
  readonly code: string;
}

/** The decoded C# code of one expression (`&quot;` in an attribute becomes `"`). */
export function expressionCode(text: string, expression: PolicyExpression): string {
  const { start, end } = expression.codeSpan;
  return decodeEntities(text, start, end, [expression.codeSpan]).value;
}

/** Every policy expression in the document (attribute values and element text), in document order. */
export function policyExpressions(document: XmlDocument): LocatedExpression[] {
  const found: LocatedExpression[] = [];
  for (const element of allElements(document)) {
    for (const attribute of element.attributes) {
      for (const item of attribute.embedded) {
        if (item.kind === 'expression') found.push({ expression: item, element, attribute, code: expressionCode(document.text, item) });
      }
    }
    for (const child of element.children) {
      if (child.kind !== 'text') continue;
      for (const item of child.embedded) {
        if (item.kind === 'expression') found.push({ expression: item, element, attribute: undefined, code: expressionCode(document.text, item) });
      }
    }
  }
  return found.sort((a, b) => a.expression.span.start - b.expression.span.start);
}
