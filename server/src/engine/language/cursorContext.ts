import type { Span } from '../text/span';
import type { Embedded, PolicyExpression, XmlAttribute, XmlDocument, XmlElement, XmlNode } from '../policy/syntaxTree';

/**
 * What the cursor is on, in the terms completion needs: typing an element name, an attribute name,
 * an attribute value, a `{{named value}}` or code inside an expression. Derived from the parsed tree
 * (which keeps half-typed tags) plus a few characters of text around the cursor.
 */
export type CursorContext =
  | {
      readonly kind: 'element-name';
      /** The element whose content the new element goes into; undefined at the top level. */
      readonly parent: XmlElement | undefined;
      /** The characters a completion replaces (the partial name, after `<` when one was typed). */
      readonly replace: Span;
      /** A `<` precedes the name; otherwise the completion must supply it. */
      readonly afterBracket: boolean;
      /** The tag already has attributes or an end, so only the name may change. */
      readonly nameOnly: boolean;
      /** The half-typed element the parser already made of the name, if any. */
      readonly typing: XmlElement | undefined;
    }
  | {
      readonly kind: 'attribute-name';
      readonly element: XmlElement;
      readonly replace: Span;
      /** The attribute whose name is being edited, if any (it keeps its value). */
      readonly editing: XmlAttribute | undefined;
    }
  | { readonly kind: 'attribute-value'; readonly element: XmlElement; readonly attribute: XmlAttribute; readonly replace: Span }
  | {
      readonly kind: 'named-value';
      readonly replace: Span;
      /** `}}` must be inserted after the name. */
      readonly needsClosingBraces: boolean;
    }
  | {
      readonly kind: 'expression';
      readonly expression: PolicyExpression;
      /** The C# code from the expression start up to the cursor. */
      readonly codeBefore: string;
      /** The identifier characters being typed right before the cursor. */
      readonly replace: Span;
    }
  /** Right after an `@` in a value or text, where an expression may begin. */
  | { readonly kind: 'expression-start'; readonly replace: Span }
  | { readonly kind: 'none' };

const NONE: CursorContext = { kind: 'none' };

function isNameChar(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_:.-]/.test(character);
}

function isNamedValueChar(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_.-]/.test(character);
}

function isIdentifierChar(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_]/.test(character);
}

/** Whether an element's range holds the offset (an unclosed element's end is part of it, as typing continues there). */
function holds(element: XmlElement, offset: number): boolean {
  return element.span.start < offset && (offset < element.span.end || (!element.closed && offset <= element.span.end));
}

/** The deepest element around the offset. */
function deepestElementAt(document: XmlDocument, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let nodes: readonly XmlNode[] = document.children;
  for (;;) {
    const next = nodes.find((node): node is XmlElement => node.kind === 'element' && holds(node, offset));
    if (!next) return found;
    found = next;
    nodes = next.children;
  }
}

function inStartTag(element: XmlElement, offset: number): boolean {
  const tag = element.startTagSpan;
  return tag.start < offset && (offset < tag.end || (!element.startTagClosed && offset <= tag.end));
}

/** The span of identifier-like characters around the offset, extended to the right. */
function wordAround(text: string, offset: number, start: number, isWordChar: (character: string | undefined) => boolean): Span {
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  return { start, end };
}

function wordStart(text: string, offset: number, floor: number, isWordChar: (character: string | undefined) => boolean): number {
  let start = offset;
  while (start > floor && isWordChar(text[start - 1])) start--;
  return start;
}

/** A `{{` opened before the cursor within the region and not closed yet. */
function namedValueContext(text: string, region: Span, offset: number): CursorContext | undefined {
  const before = text.slice(region.start, offset);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.includes('}}', open)) return undefined;
  const nameStart = region.start + open + 2;
  if (!/^[A-Za-z0-9_.-]*$/.test(text.slice(nameStart, offset))) return undefined;
  const replace = wordAround(text, offset, nameStart, isNamedValueChar);
  return { kind: 'named-value', replace, needsClosingBraces: !text.startsWith('}}', replace.end) };
}

function expressionContext(text: string, embedded: readonly Embedded[], offset: number): CursorContext | undefined {
  const expression = embedded.find(
    (item): item is PolicyExpression => item.kind === 'expression' && item.codeSpan.start <= offset && offset <= item.codeSpan.end,
  );
  if (!expression) return undefined;
  const start = wordStart(text, offset, expression.codeSpan.start, isIdentifierChar);
  return {
    kind: 'expression',
    expression,
    codeBefore: text.slice(expression.codeSpan.start, offset),
    replace: wordAround(text, offset, start, isIdentifierChar),
  };
}

/** Inside a value or text: named values first (they may sit inside expressions too), then expressions. */
function embeddedContext(text: string, region: Span, embedded: readonly Embedded[], offset: number): CursorContext | undefined {
  return namedValueContext(text, region, offset) ?? expressionContext(text, embedded, offset);
}

function expressionStart(text: string, offset: number): CursorContext | undefined {
  return text[offset - 1] === '@' ? { kind: 'expression-start', replace: { start: offset - 1, end: offset } } : undefined;
}

function startTagContext(text: string, element: XmlElement, offset: number): CursorContext {
  if (offset <= element.nameSpan.end) {
    return {
      kind: 'element-name',
      parent: element.parent,
      replace: element.nameSpan,
      afterBracket: true,
      nameOnly: element.attributes.length > 0 || element.startTagClosed,
      typing: element,
    };
  }
  for (const attribute of element.attributes) {
    const valueSpan = attribute.valueSpan;
    if (valueSpan && attribute.quote && valueSpan.start <= offset && offset <= valueSpan.end) {
      return (
        embeddedContext(text, valueSpan, attribute.embedded, offset) ??
        expressionStart(text, offset) ?? { kind: 'attribute-value', element, attribute, replace: valueSpan }
      );
    }
    if (attribute.nameSpan.start <= offset && offset <= attribute.nameSpan.end) {
      return { kind: 'attribute-name', element, replace: attribute.nameSpan, editing: attribute };
    }
    if (attribute.span.start < offset && offset < attribute.span.end) return NONE;
  }
  if (/\s/.test(text[offset - 1] ?? '')) return { kind: 'attribute-name', element, replace: { start: offset, end: offset }, editing: undefined };
  return NONE;
}

/** The node of a content list that holds the offset, if any. */
function contentNodeAt(nodes: readonly XmlNode[], offset: number): XmlNode | undefined {
  return nodes.find((node) => node.span.start <= offset && offset <= node.span.end && node.kind !== 'element');
}

function contentContext(text: string, container: XmlElement | undefined, nodes: readonly XmlNode[], offset: number): CursorContext {
  const node = contentNodeAt(nodes, offset);
  if (node && node.kind !== 'text') {
    // Inside a comment, CDATA or declaration nothing is offered; at its edges, the text rules below apply.
    if (node.span.start < offset && offset < node.span.end) return NONE;
  }
  if (node?.kind === 'text') {
    const embedded = embeddedContext(text, node.span, node.embedded, offset) ?? expressionStart(text, offset);
    if (embedded) return embedded;
    if (node.embedded.some((item) => item.kind === 'expression' && item.span.start < offset && offset < item.span.end)) return NONE;
  }
  const floor = node?.kind === 'text' ? node.span.start : offset;
  const start = wordStart(text, offset, floor, isNameChar);
  const before = text[start - 1];
  if (before === '<') {
    return {
      kind: 'element-name',
      parent: container,
      replace: wordAround(text, offset, start, isNameChar),
      afterBracket: true,
      nameOnly: false,
      typing: undefined,
    };
  }
  // A word typed in content without `<`: offered with the bracket, but only at a word's start after whitespace or a tag.
  if (start === floor || before === undefined || /\s|>/.test(before)) {
    return {
      kind: 'element-name',
      parent: container,
      replace: wordAround(text, offset, start, isNameChar),
      afterBracket: false,
      nameOnly: false,
      typing: undefined,
    };
  }
  return NONE;
}

export function cursorContextAt(document: XmlDocument, offset: number): CursorContext {
  const text = document.text;
  if (offset < 0 || offset > text.length) return NONE;
  const element = deepestElementAt(document, offset);
  if (element && inStartTag(element, offset)) return startTagContext(text, element, offset);
  if (element?.endTag && element.endTag.span.start < offset) return NONE;
  return contentContext(text, element, element ? element.children : document.children, offset);
}
