import type { Finding } from '../../findings/finding';
import { syntaxErrorFinding } from '../../findings/syntaxError';

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

export function bicepSyntaxFinding(code: BicepSyntaxCode, message: string, start: number, end: number): Finding {
  return syntaxErrorFinding(code, message, start, end);
}
