import type { Span } from '../../text/span';
import { expressionSource, type ExpressionSource } from './expressionSource';
import { parseCSharp, type CSharpSyntax } from './parser';

/** A policy expression's C#: its decoded code with offsets back into the document, and its syntax tree. */
export interface ParsedExpression {
  readonly source: ExpressionSource;
  readonly syntax: CSharpSyntax;
}

/**
 * APIM substitutes `{{named values}}` before it compiles an expression, so the C# may hold one anywhere.
 * Each is read as an identifier of the same length (`{{a-b}}` as `__a-b__`), which keeps every offset.
 */
const NAMED_VALUE = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

export function parseExpressionCode(text: string, codeSpan: Span, form: 'single' | 'multi'): ParsedExpression {
  const decoded = expressionSource(text, codeSpan);
  const code = decoded.code.includes('{{') ? decoded.code.replace(NAMED_VALUE, (_match, name: string) => `__${name}__`) : decoded.code;
  const source = { ...decoded, code };
  return { source, syntax: parseCSharp(code, form) };
}
