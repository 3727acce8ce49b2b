import { SemanticTokenModifiers, SemanticTokenTypes, type Range, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ExpressionToken, ExpressionTokenModifier, ExpressionTokenType } from '../engine/language/expressionTokens';

const TOKEN_TYPES: readonly ExpressionTokenType[] = ['namespace', 'type', 'parameter', 'variable', 'property', 'method', 'keyword', 'string', 'number'];
const TOKEN_MODIFIERS: readonly ExpressionTokenModifier[] = ['declaration', 'readonly', 'defaultLibrary'];

/** The standard LSP token types and modifiers, in the order the encoded tokens index them. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: TOKEN_TYPES.map((type) => SemanticTokenTypes[type]),
  tokenModifiers: TOKEN_MODIFIERS.map((modifier) => SemanticTokenModifiers[modifier]),
};

/**
 * Encodes expression tokens as LSP relative integers. A token that crosses a line break (a verbatim string) becomes
 * one token per line, as clients need unless they announce multiline support. `range` keeps only tokens touching it.
 */
export function encodeSemanticTokens(document: TextDocument, tokens: readonly ExpressionToken[], range?: Range): SemanticTokens {
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Number.POSITIVE_INFINITY;
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    if (token.span.end <= from || token.span.start >= to) continue;
    const type = TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
    const start = document.positionAt(token.span.start);
    const end = document.positionAt(token.span.end);
    for (let line = start.line; line <= end.line; line++) {
      const character = line === start.line ? start.character : 0;
      const length = line === end.line ? end.character - character : lineLength(document, line) - character;
      if (length <= 0) continue;
      data.push(line - previousLine, line === previousLine ? character - previousCharacter : character, length, type, modifiers);
      previousLine = line;
      previousCharacter = character;
    }
  }
  return { data };
}

/** The line's length without its line break. */
function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$/, '').length;
}
