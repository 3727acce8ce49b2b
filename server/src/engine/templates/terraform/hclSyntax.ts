import type { Span } from '../../text/span';
import type { DecodedText } from '../bicep/bicepStringValue';

/**
 * The tree the HCL (native syntax) parser builds. Every node carries its exact source span. Nesting is
 * capped by the parser (MAX_HCL_DEPTH), so walks over this tree may recurse. Missing pieces of
 * half-typed code are `undefined`, never thrown.
 */

export interface HclIdentifier {
  readonly name: string;
  readonly span: Span;
}

export interface HclLiteral {
  readonly kind: 'literal';
  readonly span: Span;
  readonly value: number | boolean | null;
}

/** A literal stretch of a template, decoded, with the map back to the source. */
export interface HclTemplateLiteral {
  readonly kind: 'literal';
  readonly text: DecodedText;
}

/** `${expression}` (with optional `~` strip markers). */
export interface HclTemplateInterpolation {
  readonly kind: 'interpolation';
  /** From `${` through `}`. */
  readonly span: Span;
  readonly expression: HclExpression | undefined;
}

/** `%{ if ... }`, `%{ else }`, `%{ endif }`, `%{ for ... in ... }`, `%{ endfor }`. */
export interface HclTemplateDirective {
  readonly kind: 'directive';
  readonly span: Span;
  readonly keyword: string;
  readonly expression: HclExpression | undefined;
}

export type HclTemplatePart = HclTemplateLiteral | HclTemplateInterpolation | HclTemplateDirective;

/** How a heredoc is introduced: `<<MARKER` or `<<-MARKER` (flush: common indentation removed). */
export interface HclHeredoc {
  readonly marker: string;
  readonly flush: boolean;
}

/** A quoted string or a heredoc: literal text and `${}` / `%{}` holes. */
export interface HclTemplate {
  readonly kind: 'template';
  readonly span: Span;
  readonly heredoc: HclHeredoc | undefined;
  /** Between the quotes, or from after the heredoc's opening line to the start of its closing marker line. */
  readonly contentSpan: Span;
  readonly parts: readonly HclTemplatePart[];
  /** The whole decoded text when the template has no holes (one run map across all of it). */
  readonly literal: DecodedText | undefined;
  readonly closed: boolean;
}

/** A name at the root of a traversal: `var`, `local`, `azurerm_api_management`, `each`, `path`, ... */
export interface HclVariable {
  readonly kind: 'variable';
  readonly span: Span;
  readonly name: string;
}

/** `base.name` */
export interface HclGetAttribute {
  readonly kind: 'get-attribute';
  readonly span: Span;
  readonly base: HclExpression;
  readonly name: HclIdentifier | undefined;
}

/** `base[index]` or the legacy `base.0`. */
export interface HclIndex {
  readonly kind: 'index';
  readonly span: Span;
  readonly base: HclExpression;
  readonly index: HclExpression | undefined;
  readonly closed: boolean;
}

/** `base.*` (attribute splat) or `base[*]` (full splat); traversals after it apply to each element. */
export interface HclSplat {
  readonly kind: 'splat';
  readonly span: Span;
  readonly base: HclExpression;
  readonly full: boolean;
}

/** `name(args)`, with the provider-function form `provider::ns::name(args)` in `name`. */
export interface HclCall {
  readonly kind: 'call';
  readonly span: Span;
  readonly name: HclIdentifier;
  readonly args: readonly HclExpression[];
  /** True when the last argument is followed by `...`. */
  readonly expandFinal: boolean;
  readonly closed: boolean;
}

export interface HclTuple {
  readonly kind: 'tuple';
  readonly span: Span;
  readonly items: readonly HclExpression[];
  readonly closed: boolean;
}

export interface HclObjectItem {
  /** From the key through the value. */
  readonly span: Span;
  readonly key: HclExpression;
  /** The key's text when it is a bare identifier or a literal string; undefined when it is computed. */
  readonly keyName: string | undefined;
  readonly value: HclExpression | undefined;
}

export interface HclObject {
  readonly kind: 'object';
  readonly span: Span;
  readonly items: readonly HclObjectItem[];
  readonly closed: boolean;
}

/** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface HclFor {
  readonly kind: 'for';
  readonly span: Span;
  readonly object: boolean;
  readonly keyVariable: HclIdentifier | undefined;
  readonly valueVariable: HclIdentifier | undefined;
  readonly collection: HclExpression | undefined;
  readonly key: HclExpression | undefined;
  readonly value: HclExpression | undefined;
  readonly condition: HclExpression | undefined;
  readonly closed: boolean;
}

export interface HclUnary {
  readonly kind: 'unary';
  readonly span: Span;
  readonly operator: '!' | '-';
  readonly operand: HclExpression | undefined;
}

export type HclBinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface HclBinary {
  readonly kind: 'binary';
  readonly span: Span;
  readonly operator: HclBinaryOperator;
  readonly left: HclExpression;
  readonly right: HclExpression | undefined;
}

export interface HclConditional {
  readonly kind: 'conditional';
  readonly span: Span;
  readonly condition: HclExpression;
  readonly whenTrue: HclExpression | undefined;
  readonly whenFalse: HclExpression | undefined;
}

export interface HclParenthesized {
  readonly kind: 'parenthesized';
  readonly span: Span;
  readonly expression: HclExpression | undefined;
  readonly closed: boolean;
}

export type HclExpression =
  | HclLiteral
  | HclTemplate
  | HclVariable
  | HclGetAttribute
  | HclIndex
  | HclSplat
  | HclCall
  | HclTuple
  | HclObject
  | HclFor
  | HclUnary
  | HclBinary
  | HclConditional
  | HclParenthesized;

/** `name = expression` in a body. */
export interface HclAttribute {
  readonly kind: 'attribute';
  readonly span: Span;
  readonly name: HclIdentifier;
  readonly expression: HclExpression | undefined;
}

/** A block label: a quoted string (`"azurerm_api_management"`) or a bare identifier. */
export interface HclLabel {
  readonly value: string;
  readonly span: Span;
  readonly quoted: boolean;
}

/** `type "label" ... { body }`. */
export interface HclBlock {
  readonly kind: 'block';
  readonly span: Span;
  readonly type: HclIdentifier;
  readonly labels: readonly HclLabel[];
  /** From `{` through `}` (or to where the unclosed body stopped). */
  readonly bodySpan: Span;
  readonly body: HclBody;
  readonly closed: boolean;
}

export type HclBodyItem = HclAttribute | HclBlock;

export interface HclBody {
  readonly span: Span;
  readonly items: readonly HclBodyItem[];
}

export interface HclFile {
  readonly span: Span;
  readonly body: HclBody;
}
