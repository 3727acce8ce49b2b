import type { DecodedText } from './bicepStringValue';

/**
 * Bicep tokens. Keywords are lexed as identifiers and recognised by the parser from context,
 * because words such as `resource` or `name` are also valid property names.
 *
 * A string with `${...}` holes is split as Bicep itself does: `'abc${` is a `string-left` piece,
 * `}def${` a `string-middle`, `}ghi'` a `string-right`; a string without holes is `string-complete`.
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
  | 'unknown';

export interface BicepToken {
  readonly kind: BicepTokenKind;
  readonly start: number;
  readonly end: number;
  /** String pieces only: the decoded literal text between the delimiters. */
  readonly literal?: DecodedText;
  /** String pieces only: false when the closing quote (or `'''`) is missing. */
  readonly closed?: boolean;
}

export type BicepCommentKind = 'line' | 'block' | 'directive';

/** A `//` or `/* *\/` comment, or a `#disable-next-line` directive; kept for suppressions and hovers. */
export interface BicepComment {
  readonly kind: BicepCommentKind;
  readonly start: number;
  readonly end: number;
}
