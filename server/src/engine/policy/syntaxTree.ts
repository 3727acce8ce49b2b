import type { Span } from '../text/span';
import type { ParsedExpression } from './csharp/parsedExpression';

/**
 * The tree the policy parser builds. Every node carries exact offsets into the source text, so
 * diagnostics, hovers and edits land on the right characters. The tree is depth-limited by the
 * parser (see MAX_ELEMENT_DEPTH), which lets tree walks recurse safely.
 */

/** A C# policy expression: `@(...)` (single statement) or `@{...}` (multi-statement block). */
export interface PolicyExpression {
  readonly kind: 'expression';
  readonly form: 'single' | 'multi';
  /** From `@` through the closing bracket (or the end of the scanned region when unterminated). */
  readonly span: Span;
  /** The C# code between the brackets. */
  readonly codeSpan: Span;
  readonly closed: boolean;
  /** The code read as C#: its syntax tree and the first place where it breaks, if any. */
  readonly csharp: ParsedExpression;
}

/** A named value reference `{{name}}`. */
export interface NamedValueReference {
  readonly kind: 'named-value';
  readonly name: string;
  /** From the first `{` through the last `}`. */
  readonly span: Span;
  readonly nameSpan: Span;
}

export type Embedded = PolicyExpression | NamedValueReference;

export interface XmlAttribute {
  readonly name: string;
  readonly nameSpan: Span;
  /** Decoded value (predefined and numeric entities resolved, expressions kept verbatim); undefined when the value is missing. */
  readonly value: string | undefined;
  /** The raw value's range, excluding quotes. */
  readonly valueSpan: Span | undefined;
  readonly quote: '"' | "'" | undefined;
  /** The whole attribute, name through closing quote. */
  readonly span: Span;
  readonly embedded: readonly Embedded[];
}

export interface XmlText {
  readonly kind: 'text';
  readonly span: Span;
  /** Decoded text. */
  readonly value: string;
  readonly embedded: readonly Embedded[];
}

export interface XmlComment {
  readonly kind: 'comment';
  readonly span: Span;
  readonly contentSpan: Span;
  readonly closed: boolean;
}

export interface XmlCData {
  readonly kind: 'cdata';
  readonly span: Span;
  readonly contentSpan: Span;
  readonly value: string;
  readonly closed: boolean;
}

/** `<?xml ...?>` or another processing instruction; `<!DOCTYPE ...>`. Kept so positions of everything else stay exact. */
export interface XmlDeclaration {
  readonly kind: 'processing-instruction' | 'doctype';
  readonly span: Span;
}

export interface XmlEndTag {
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly nameSpan: Span;
  /** From `<` through the end of the end tag; for an unclosed element, through its last child. */
  span: Span;
  /** From `<` through `>` or `/>` of the start tag. */
  readonly startTagSpan: Span;
  /** The start tag reached `>` or `/>`. False for a tag cut off by EOF or by another `<`. */
  readonly startTagClosed: boolean;
  readonly selfClosing: boolean;
  readonly attributes: XmlAttribute[];
  readonly children: XmlNode[];
  endTag: XmlEndTag | undefined;
  /** The element was properly ended: self-closing or matched by its end tag. */
  closed: boolean;
  readonly parent: XmlElement | undefined;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlCData | XmlDeclaration;

export interface XmlDocument {
  readonly text: string;
  /** Top-level nodes: declarations, comments, whitespace text and (normally one) root element. */
  readonly children: XmlNode[];
  /** The first top-level element, if any. */
  readonly root: XmlElement | undefined;
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((candidate) => candidate.name === name);
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element');
}
