import type { Finding } from '../../findings/finding';
import { SyntaxErrorReporter } from '../../findings/syntaxErrorReporter';
import type { BicepSyntaxCode } from './bicepSyntaxFindings';
import { DecodedTextBuilder } from './bicepStringValue';
import type { DecodedText } from './bicepStringValue';
import type { BicepComment, BicepToken, BicepTokenKind } from './bicepTokens';

export interface BicepLexResult {
  /** Always ends with one `eof` token. */
  readonly tokens: readonly BicepToken[];
  readonly comments: readonly BicepComment[];
  readonly findings: readonly Finding[];
}

const SINGLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['\\', '\\'],
  ["'", "'"],
  ['$', '$'],
]);

/** Compiler pragmas; each runs to the end of its line and must start it. */
const PRAGMAS: readonly string[] = ['#disable-next-line', '#disable-diagnostics', '#restore-diagnostics'];

function isPragmaPart(code: number): boolean {
  return isIdentifierPart(code) || code === 45 /* - */;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isNewline(code: number): boolean {
  return code === 10 || code === 13;
}

/** Longest-first operator spellings; strings, comments and brackets are handled separately. */
const OPERATORS: readonly BicepTokenKind[] = [
  '...',
  '.?',
  '::',
  '??',
  '=>',
  '&&',
  '||',
  '==',
  '!=',
  '=~',
  '!~',
  '<=',
  '>=',
  '.',
  ':',
  ';',
  '?',
  '=',
  '@',
  '!',
  '|',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  ',',
  '(',
  ')',
  '[',
  ']',
];

function characterStartsToken(code: number): boolean {
  return (
    isIdentifierPart(code) ||
    isNewline(code) ||
    code === 32 ||
    code === 9 ||
    code === 39 /* ' */ ||
    code === 123 ||
    code === 125 ||
    code === 35 /* # */ ||
    '.:;?=@!&|<>+-*/%^,()[]$'.includes(String.fromCharCode(code))
  );
}

/**
 * Splits Bicep source into tokens with exact offsets. Never throws: unterminated strings and comments,
 * bad escapes and stray characters become findings, and scanning carries on. Interpolation holes are
 * tracked with an explicit stack (no recursion), so arbitrarily nested `'${'${...}'}'` is safe.
 */
export function lexBicep(text: string): BicepLexResult {
  const tokens: BicepToken[] = [];
  const comments: BicepComment[] = [];
  // Capped per code as reported: a million unclosed `${` are counted, not built.
  const findings = new SyntaxErrorReporter<BicepSyntaxCode>();
  // 'hole' marks an open `${`; a number an open hole of a multi-line string (its count of `$`); 'brace' an
  // object `{` opened inside a hole.
  const templateStack: Array<'hole' | 'brace' | number> = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineHasContent = false;

  const push = (kind: BicepTokenKind, start: number, end: number): void => {
    tokens.push({ kind, start, end });
    lineHasContent = true;
  };

  /** Scans string text after `'` or `}` up to the closing quote, a `${`, a newline or the end. */
  const scanStringPiece = (tokenStart: number, contentStart: number, atStringStart: boolean): void => {
    const builder = new DecodedTextBuilder();
    let index = contentStart;
    let plainStart = index;
    const flushPlain = (upTo: number): void => builder.appendVerbatim(text, plainStart, upTo);
    for (;;) {
      if (index >= text.length || isNewline(text.charCodeAt(index))) {
        flushPlain(index);
        findings.report('bicep-unterminated-string', 'The string is not closed with a single quote before the end of the line.', tokenStart, index);
        tokens.push({
          kind: atStringStart ? 'string-complete' : 'string-right',
          start: tokenStart,
          end: index,
          literal: builder.build({ start: contentStart, end: index }),
          closed: false,
        });
        if (!atStringStart) templateStack.pop();
        pos = index;
        return;
      }
      const code = text.charCodeAt(index);
      if (code === 39 /* ' */) {
        flushPlain(index);
        tokens.push({
          kind: atStringStart ? 'string-complete' : 'string-right',
          start: tokenStart,
          end: index + 1,
          literal: builder.build({ start: contentStart, end: index }),
          closed: true,
        });
        if (!atStringStart) templateStack.pop();
        pos = index + 1;
        return;
      }
      if (code === 36 /* $ */ && text.charCodeAt(index + 1) === 123 /* { */) {
        flushPlain(index);
        tokens.push({
          kind: atStringStart ? 'string-left' : 'string-middle',
          start: tokenStart,
          end: index + 2,
          literal: builder.build({ start: contentStart, end: index }),
          closed: true,
        });
        if (atStringStart) templateStack.push('hole');
        pos = index + 2;
        return;
      }
      if (code !== 92 /* \ */) {
        index++;
        continue;
      }
      flushPlain(index);
      const escapeStart = index;
      const escaped = text[index + 1];
      if (escaped === undefined || isNewline(text.charCodeAt(index + 1))) {
        // A lone backslash before the end of the line: kept verbatim, the unterminated string is reported next.
        builder.appendEscape('\\', escapeStart, escapeStart + 1);
        index = escapeStart + 1;
        plainStart = index;
        findings.report('bicep-invalid-escape', 'The escape sequence is incomplete.', escapeStart, index);
        continue;
      }
      const single = SINGLE_ESCAPES.get(escaped);
      if (single !== undefined) {
        builder.appendEscape(single, escapeStart, escapeStart + 2);
        index = escapeStart + 2;
      } else if (escaped === 'u' && text.charCodeAt(index + 2) === 123 /* { */) {
        let digitsEnd = index + 3;
        while (digitsEnd < text.length && isHexDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
        const codePoint = digitsEnd > index + 3 ? parseInt(text.slice(index + 3, digitsEnd), 16) : NaN;
        if (text.charCodeAt(digitsEnd) === 125 /* } */ && codePoint <= 0x10ffff) {
          builder.appendEscape(String.fromCodePoint(codePoint), escapeStart, digitsEnd + 1);
          index = digitsEnd + 1;
        } else {
          const end = text.charCodeAt(digitsEnd) === 125 ? digitsEnd + 1 : digitsEnd;
          builder.appendEscape(text.slice(escapeStart, end), escapeStart, end);
          findings.report(
            'bicep-invalid-escape',
            'A Unicode escape must look like \\u{1F642}: hexadecimal digits up to 10FFFF between braces.',
            escapeStart,
            end,
          );
          index = end;
        }
      } else {
        builder.appendEscape(text.slice(escapeStart, escapeStart + 2), escapeStart, escapeStart + 2);
        findings.report(
          'bicep-invalid-escape',
          "Unknown escape sequence; Bicep strings accept \\\\, \\', \\n, \\r, \\t, \\$ and \\u{...}.",
          escapeStart,
          escapeStart + 2,
        );
        index = escapeStart + 2;
      }
      plainStart = index;
    }
  };

  /**
   * Scans multi-line string text after the opening quotes (or after the `}` closing a hole) up to the
   * closing quotes or, when `dollars` > 0, a hole opener: exactly that many `$` followed by `{` (so in
   * `$$'''...'''` a `${` is literal text). Multi-line strings are verbatim: no escapes.
   */
  const scanMultilinePiece = (tokenStart: number, contentStart: number, dollars: number, atStringStart: boolean): void => {
    let index = contentStart;
    let holeStart = -1;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === 39 && text.charCodeAt(index + 1) === 39 && text.charCodeAt(index + 2) === 39) break;
      if (code === 36 /* $ */ && dollars > 0) {
        let runEnd = index;
        while (text.charCodeAt(runEnd) === 36) runEnd++;
        if (runEnd - index >= dollars && text.charCodeAt(runEnd) === 123 /* { */) {
          holeStart = runEnd - dollars;
          break;
        }
        index = runEnd;
        continue;
      }
      index++;
    }
    let literalStart = contentStart;
    if (atStringStart) {
      if (text.charCodeAt(literalStart) === 13) literalStart++;
      if (text.charCodeAt(literalStart) === 10) literalStart++;
    }
    const literal = (literalEnd: number): DecodedText => {
      const from = Math.min(literalStart, literalEnd);
      const builder = new DecodedTextBuilder();
      builder.appendVerbatim(text, from, literalEnd);
      return builder.build({ start: from, end: literalEnd });
    };
    const multiline = dollars > 0 ? true : undefined;
    lineHasContent = true;
    if (holeStart >= 0) {
      const end = holeStart + dollars + 1;
      tokens.push({ kind: atStringStart ? 'string-left' : 'string-middle', start: tokenStart, end, literal: literal(holeStart), closed: true, multiline });
      if (atStringStart) templateStack.push(dollars);
      pos = end;
      return;
    }
    const closed = index < text.length;
    let end = text.length;
    let contentEnd = text.length;
    if (closed) {
      end = index + 3;
      // Quotes beyond the closing three belong to the value (a value may end with a quote).
      while (text.charCodeAt(end) === 39) end++;
      contentEnd = end - 3;
    } else {
      findings.report('bicep-unterminated-multiline-string', "The multi-line string is not closed with '''.", tokenStart, Math.min(text.length, contentStart));
    }
    tokens.push({ kind: atStringStart ? 'multiline-string' : 'string-right', start: tokenStart, end, literal: literal(contentEnd), closed, multiline });
    if (!atStringStart) templateStack.pop();
    pos = end;
  };

  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 9) {
      pos++;
      continue;
    }
    if (isNewline(code)) {
      const singleLineHole = templateStack.indexOf('hole');
      if (singleLineHole >= 0) {
        // Holes of one-line strings cannot span lines: close the string here, as Bicep does.
        findings.report('bicep-unterminated-string', 'The interpolated string is not closed before the end of the line.', pos, pos);
        tokens.push({ kind: 'string-right', start: pos, end: pos, literal: { value: '', sourceSpan: { start: pos, end: pos }, runs: [] }, closed: false });
        templateStack.length = singleLineHole;
        continue;
      }
      const start = pos;
      while (pos < text.length && isNewline(text.charCodeAt(pos))) pos++;
      tokens.push({ kind: 'newline', start, end: pos });
      lineHasContent = false;
      continue;
    }
    if (code === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
      const start = pos;
      while (pos < text.length && !isNewline(text.charCodeAt(pos))) pos++;
      comments.push({ kind: 'line', start, end: pos });
      continue;
    }
    if (code === 47 && text.charCodeAt(pos + 1) === 42 /* * */) {
      const start = pos;
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) {
        pos = text.length;
        findings.report('bicep-unterminated-comment', 'The comment is not closed with */.', start, start + 2);
      } else {
        pos = close + 2;
      }
      comments.push({ kind: 'block', start, end: pos });
      continue;
    }
    if (
      code === 35 /* # */ &&
      !lineHasContent &&
      PRAGMAS.some((pragma) => text.startsWith(pragma, pos) && !isPragmaPart(text.charCodeAt(pos + pragma.length)))
    ) {
      const start = pos;
      while (pos < text.length && !isNewline(text.charCodeAt(pos))) pos++;
      comments.push({ kind: 'directive', start, end: pos });
      continue;
    }
    if (isIdentifierStart(code)) {
      const start = pos;
      while (pos < text.length && isIdentifierPart(text.charCodeAt(pos))) pos++;
      push('identifier', start, pos);
      continue;
    }
    if (isDigit(code)) {
      const start = pos;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
      push('number', start, pos);
      continue;
    }
    if (code === 39 /* ' */) {
      lineHasContent = true;
      if (text.charCodeAt(pos + 1) === 39 && text.charCodeAt(pos + 2) === 39) scanMultilinePiece(pos, pos + 3, 0, true);
      else scanStringPiece(pos, pos + 1, true);
      continue;
    }
    if (code === 36 /* $ */) {
      let quote = pos;
      while (text.charCodeAt(quote) === 36) quote++;
      if (text.startsWith("'''", quote)) scanMultilinePiece(pos, quote + 3, quote - pos, true);
      else {
        // The whole run at once, so a long run of `$` stays linear.
        findings.report('bicep-unexpected-character', `Unexpected character '${text.slice(pos, quote)}'.`, pos, quote);
        push('unknown', pos, quote);
        pos = quote;
      }
      continue;
    }
    if (code === 123 /* { */) {
      if (templateStack.length > 0) templateStack.push('brace');
      push('{', pos, pos + 1);
      pos++;
      continue;
    }
    if (code === 125 /* } */) {
      const top = templateStack[templateStack.length - 1];
      if (top === 'hole') {
        scanStringPiece(pos, pos + 1, false);
        continue;
      }
      if (typeof top === 'number') {
        scanMultilinePiece(pos, pos + 1, top, false);
        continue;
      }
      if (top === 'brace') templateStack.pop();
      push('}', pos, pos + 1);
      pos++;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, pos));
    if (operator !== undefined) {
      push(operator, pos, pos + operator.length);
      pos += operator.length;
      continue;
    }
    const start = pos;
    pos++;
    while (pos < text.length && !characterStartsToken(text.charCodeAt(pos))) pos++;
    const message = text[start] === '"' ? 'Bicep strings use single quotes, not double quotes.' : `Unexpected character '${text.slice(start, pos)}'.`;
    findings.report('bicep-unexpected-character', message, start, pos);
    push('unknown', start, pos);
  }
  if (templateStack.length > 0) {
    findings.report('bicep-unterminated-string', 'The interpolated string is not closed before the end of the file.', pos, pos);
    tokens.push({ kind: 'string-right', start: pos, end: pos, literal: { value: '', sourceSpan: { start: pos, end: pos }, runs: [] }, closed: false });
  }
  tokens.push({ kind: 'eof', start: text.length, end: text.length });
  return { tokens, comments, findings: findings.close() };
}
