/** Codes of the syntax findings the Bicep lexer and parser report (documented in docs/syntax.md). */
export const BICEP_SYNTAX_CODES = [
  'bicep-unterminated-string',
  'bicep-unterminated-multiline-string',
  'bicep-unterminated-comment',
  'bicep-invalid-escape',
  'bicep-unexpected-character',
  'bicep-unexpected-token',
  'bicep-missing-expression',
  'bicep-unclosed-bracket',
  'bicep-nesting-too-deep',
] as const;

export type BicepSyntaxCode = (typeof BICEP_SYNTAX_CODES)[number];
