import type { DecodedText } from './bicepStringValue';

/**
 * Bicep tokens. Keywords are lexed as identifiers and recognised by the parser from context,
 * because words such as `resource` or `name` are also valid property names.
 *
 * A string with `${...}` holes is split as Bicep itself does: `'abc${` is a `string-left` piece,
 * `}def${` a `string-middle`, `}ghi'` a `string-right`; a string without holes is `string-complete`.
 * An interpolated multi-line string (`$'''a${x}b'''`) is split the same way, its pieces marked `multiline`.
 */
export type BicepTokenKind =
  | 'identifier'
  | 'number'
  | 'string-complete'
  | 'string-left'
  | 'string-middle'
  | 'string-right'
  | 'multiline-string'
  | 'newline'
  | 'eof'
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | ','
  | '.'
  | '.?'
  | '...'
  | '::'
  | ':'
  | ';'
  | '?'
  | '??'
  | '='
  | '=>'
  | '@'
  | '!'
  | '&&'
  | '||'
  | '|'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | 'unknown';

export interface BicepToken {
  readonly kind: BicepTokenKind;
  readonly start: number;
  readonly end: number;
  /** String pieces only: the decoded literal text between the delimiters. */
  readonly literal?: DecodedText;
  /** String pieces only: false when the closing quote (or `'''`) is missing. */
  readonly closed?: boolean;
  /** String pieces only: true for the pieces of an interpolated multi-line string (`$'''...${x}...'''`). */
  readonly multiline?: boolean;
}

export type BicepCommentKind = 'line' | 'block' | 'directive';

/**
 * A `//` or `/* *\/` comment, or a compiler pragma (`#disable-next-line`, `#disable-diagnostics`,
 * `#restore-diagnostics`); kept for suppressions and hovers.
 */
export interface BicepComment {
  readonly kind: BicepCommentKind;
  readonly start: number;
  readonly end: number;
}
