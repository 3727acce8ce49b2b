/** Codes of the syntax findings the HCL parser reports (documented in docs/syntax.md). */
export const HCL_SYNTAX_CODES = [
  'hcl-unterminated-string',
  'hcl-unterminated-heredoc',
  'hcl-unterminated-comment',
  'hcl-invalid-escape',
  'hcl-unexpected-character',
  'hcl-unexpected-token',
  'hcl-missing-expression',
  'hcl-unclosed-bracket',
  'hcl-nesting-too-deep',
] as const;

export type HclSyntaxCode = (typeof HCL_SYNTAX_CODES)[number];
