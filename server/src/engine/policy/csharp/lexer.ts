/**
 * Tokens of C# code as policy expressions use it (C# 7). One forward pass; interpolated strings are
 * split into their literal parts and the tokens of their holes, so the parser reads holes as code.
 * Problems (unterminated literals and comments, stray characters) are collected, never thrown.
 */

export type TokenKind =
  | 'identifier'
  | 'keyword'
  | 'number'
  | 'string'
  | 'char'
  | 'punctuation'
  /** `$"`, `$@"` or `@$"`: the start of an interpolated string. */
  | 'interpolation-start'
  /** `{` opening a hole of an interpolated string. */
  | 'hole-start'
  /** `:format` at the end of a hole. */
  | 'hole-format'
  /** `}` closing a hole. */
  | 'hole-end'
  /** The closing `"` of an interpolated string (empty when it is missing). */
  | 'interpolation-end'
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier or keyword name, punctuation text, or the literal's kind-specific value. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A space, line break or comment precedes the token (so `> >` is not `>>`). */
  readonly spaceBefore: boolean;
}

export type LexProblemCode =
  | 'csharp-unterminated-string'
  | 'csharp-unterminated-char'
  | 'csharp-invalid-char'
  | 'csharp-unterminated-comment'
  | 'csharp-unexpected-character';

export interface LexProblem {
  readonly code: LexProblemCode;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly problems: LexProblem[];
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'abstract',
  'as',
  'base',
  'bool',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'checked',
  'class',
  'const',
  'continue',
  'decimal',
  'default',
  'delegate',
  'do',
  'double',
  'else',
  'enum',
  'event',
  'explicit',
  'extern',
  'false',
  'finally',
  'fixed',
  'float',
  'for',
  'foreach',
  'goto',
  'if',
  'implicit',
  'in',
  'int',
  'interface',
  'internal',
  'is',
  'lock',
  'long',
  'namespace',
  'new',
  'null',
  'object',
  'operator',
  'out',
  'override',
  'params',
  'private',
  'protected',
  'public',
  'readonly',
  'ref',
  'return',
  'sbyte',
  'sealed',
  'short',
  'sizeof',
  'stackalloc',
  'static',
  'string',
  'struct',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'uint',
  'ulong',
  'unchecked',
  'unsafe',
  'ushort',
  'using',
  'virtual',
  'void',
  'volatile',
  'while',
]);

/** Longest first, so `??=` wins over `??` and `?`. `>>` is never one token: the parser joins `>` `>` (generics). */
const PUNCTUATION = [
  '<<=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '?[',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '::',
  '->',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '.',
  ':',
  '?',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '|',
  '^',
  '!',
  '~',
  '=',
  '<',
  '>',
];

/** Punctuation by its first character, longest first: one small list to try per token. */
const PUNCTUATION_BY_FIRST = new Map<number, string[]>();
for (const punctuation of PUNCTUATION) {
  const first = punctuation.charCodeAt(0);
  const candidates = PUNCTUATION_BY_FIRST.get(first) ?? [];
  candidates.push(punctuation);
  PUNCTUATION_BY_FIRST.set(first, candidates);
}

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0xc0;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** An interpolated string being read: in its literal text, or inside a hole with its own bracket depth. */
interface InterpolationFrame {
  readonly verbatim: boolean;
  inHole: boolean;
  depth: number;
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly problems: LexProblem[] = [];
  private readonly frames: InterpolationFrame[] = [];
  private spaceBefore = false;

  constructor(private readonly code: string) {}

  run(): LexResult {
    const code = this.code;
    while (this.pos < code.length) {
      const frame = this.frames[this.frames.length - 1];
      if (frame && !frame.inHole) {
        this.readInterpolationText(frame);
        continue;
      }
      const char = code.charCodeAt(this.pos);
      if (isSpace(char)) {
        this.pos++;
        while (this.pos < code.length && isSpace(code.charCodeAt(this.pos))) this.pos++;
        this.spaceBefore = true;
      } else if (char === 47 && code.charCodeAt(this.pos + 1) === 47) {
        while (this.pos < code.length && !isLineBreak(code.charCodeAt(this.pos))) this.pos++;
        this.spaceBefore = true;
      } else if (char === 47 && code.charCodeAt(this.pos + 1) === 42) {
        const close = code.indexOf('*/', this.pos + 2);
        if (close === -1) this.problem('csharp-unterminated-comment', this.pos, this.pos + 2, 'This comment is never closed with */.');
        this.pos = close === -1 ? code.length : close + 2;
        this.spaceBefore = true;
      } else if (frame) {
        this.readHoleToken(frame, char);
      } else {
        this.readToken(char);
      }
    }
    for (let index = this.frames.length - 1; index >= 0; index--) {
      // Only reached for verbatim strings and holes cut off by the end of the code.
      this.push('interpolation-end', '', this.pos, this.pos);
    }
    if (this.frames.length > 0) {
      const start = this.lastInterpolationStart();
      this.problem('csharp-unterminated-string', start, start + 2, 'This interpolated string is never closed with ".');
    }
    this.push('end', '', code.length, code.length);
    return { tokens: this.tokens, problems: this.problems };
  }

  private lastInterpolationStart(): number {
    for (let index = this.tokens.length - 1; index >= 0; index--) {
      if (this.tokens[index].kind === 'interpolation-start') return this.tokens[index].start;
    }
    return 0;
  }

  private problem(code: LexProblemCode, start: number, end: number, message: string): void {
    this.problems.push({ code, start, end, message });
  }

  private push(kind: TokenKind, text: string, start: number, end: number): void {
    this.tokens.push({ kind, text, start, end, spaceBefore: this.spaceBefore });
    this.spaceBefore = false;
  }

  /** Inside a hole, brackets are counted so its closing `}` and its `:format` are found. */
  private readHoleToken(frame: InterpolationFrame, char: number): void {
    if (frame.depth === 0 && char === 125 /* } */) {
      this.push('hole-end', '}', this.pos, this.pos + 1);
      this.pos++;
      frame.inHole = false;
      return;
    }
    if (frame.depth === 0 && char === 58 /* : */ && this.code.charCodeAt(this.pos + 1) !== 58) {
      const start = this.pos;
      while (this.pos < this.code.length && this.code.charCodeAt(this.pos) !== 125 && this.code.charCodeAt(this.pos) !== 34) this.pos++;
      this.push('hole-format', this.code.slice(start, this.pos), start, this.pos);
      return;
    }
    if (char === 40 || char === 91 || char === 123) frame.depth++;
    else if ((char === 41 || char === 93 || char === 125) && frame.depth > 0) frame.depth--;
    this.readToken(char);
  }

  private readToken(char: number): void {
    const code = this.code;
    const start = this.pos;
    const next = code.charCodeAt(start + 1);
    if (char === 34 /* " */) {
      this.readString(start, start + 1, false);
      return;
    }
    if (char === 64 /* @ */ && next === 34) {
      this.readString(start, start + 2, true);
      return;
    }
    if (
      (char === 36 /* $ */ && next === 34) ||
      (char === 36 && next === 64 && code.charCodeAt(start + 2) === 34) ||
      (char === 64 && next === 36 && code.charCodeAt(start + 2) === 34)
    ) {
      const verbatim = next === 64 || char === 64;
      const end = start + (verbatim ? 3 : 2);
      this.push('interpolation-start', code.slice(start, end), start, end);
      this.pos = end;
      this.frames.push({ verbatim, inHole: false, depth: 0 });
      return;
    }
    if (char === 39 /* ' */) {
      this.readChar(start);
      return;
    }
    if (isDigit(char) || (char === 46 && isDigit(next))) {
      this.readNumber(start);
      return;
    }
    if (isIdentifierStart(char) || (char === 64 && isIdentifierStart(next))) {
      let end = char === 64 ? start + 2 : start + 1;
      while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end++;
      const name = code.slice(start, end);
      this.pos = end;
      // `@class` is an identifier named `class`.
      if (char === 64) this.push('identifier', name.slice(1), start, end);
      else this.push(KEYWORDS.has(name) ? 'keyword' : 'identifier', name, start, end);
      return;
    }
    for (const punctuation of PUNCTUATION_BY_FIRST.get(char) ?? []) {
      if (punctuation.length === 1 || code.startsWith(punctuation, start)) {
        this.push('punctuation', punctuation, start, start + punctuation.length);
        this.pos = start + punctuation.length;
        return;
      }
    }
    let end = start + 1;
    while (end < code.length && !isIdentifierPart(code.charCodeAt(end)) && code.charCodeAt(end) > 126) end++;
    this.problem('csharp-unexpected-character', start, end, `Unexpected '${code.slice(start, end)}' in C# code.`);
    this.pos = end;
    this.spaceBefore = true;
  }

  /** A regular or verbatim string; a regular one ends at the line break when its quote is missing. */
  private readString(start: number, contentStart: number, verbatim: boolean): void {
    const code = this.code;
    let pos = contentStart;
    let closed = false;
    while (pos < code.length) {
      const char = code.charCodeAt(pos);
      if (char === 34) {
        if (verbatim && code.charCodeAt(pos + 1) === 34) {
          pos += 2;
          continue;
        }
        pos++;
        closed = true;
        break;
      }
      if (!verbatim && char === 92) pos += 2;
      else if (!verbatim && isLineBreak(char)) break;
      else pos++;
    }
    pos = Math.min(pos, code.length);
    if (!closed) this.problem('csharp-unterminated-string', start, contentStart, 'This string is never closed with ".');
    this.push('string', code.slice(start, pos), start, pos);
    this.pos = pos;
  }

  /** `'x'`, `'\n'`, `'\u0041'`. Several characters in single quotes (a string written the JavaScript way) are one problem. */
  private readChar(start: number): void {
    const code = this.code;
    let pos = start + 1;
    let characters = 0;
    while (pos < code.length && pos < start + 400 && code.charCodeAt(pos) !== 39 && !isLineBreak(code.charCodeAt(pos))) {
      if (code.charCodeAt(pos) === 92) {
        // `\u0041` and `\x41` are one character; other escapes are two code units.
        const escapeLetter = code[pos + 1];
        pos +=
          escapeLetter === 'u'
            ? 6
            : escapeLetter === 'U'
              ? 10
              : escapeLetter === 'x'
                ? 2 + (/^[0-9A-Fa-f]{1,4}/.exec(code.slice(pos + 2, pos + 6))?.[0].length ?? 0)
                : 2;
      } else {
        pos++;
      }
      characters++;
    }
    if (code.charCodeAt(pos) === 39) {
      if (characters === 0) this.problem('csharp-invalid-char', start, pos + 1, "An empty character literal ''; write a character between the quotes.");
      else if (characters > 1)
        this.problem(
          'csharp-invalid-char',
          start,
          pos + 1,
          `A character literal holds one character; write text in double quotes: "${code.slice(start + 1, pos)}".`,
        );
      this.push('char', code.slice(start, pos + 1), start, pos + 1);
      this.pos = pos + 1;
      return;
    }
    this.problem('csharp-unterminated-char', start, start + 1, "This character literal is never closed with '.");
    const end = Math.min(start + 2, code.length);
    this.push('char', code.slice(start, end), start, end);
    this.pos = end;
  }

  private readNumber(start: number): void {
    const code = this.code;
    let pos = start;
    const prefix = code.slice(start, start + 2).toLowerCase();
    if (prefix === '0x' || prefix === '0b') {
      pos += 2;
      while (pos < code.length && /[0-9A-Fa-f_]/.test(code[pos])) pos++;
    } else {
      while (pos < code.length && (isDigit(code.charCodeAt(pos)) || code[pos] === '_')) pos++;
      if (code[pos] === '.' && isDigit(code.charCodeAt(pos + 1))) {
        pos++;
        while (pos < code.length && (isDigit(code.charCodeAt(pos)) || code[pos] === '_')) pos++;
      }
      if (
        (code[pos] === 'e' || code[pos] === 'E') &&
        (isDigit(code.charCodeAt(pos + 1)) || ((code[pos + 1] === '+' || code[pos + 1] === '-') && isDigit(code.charCodeAt(pos + 2))))
      ) {
        pos += 2;
        while (pos < code.length && isDigit(code.charCodeAt(pos))) pos++;
      }
    }
    while (pos < code.length && /[uUlLfFdDmM]/.test(code[pos]) && pos - start < 64) pos++;
    this.push('number', code.slice(start, pos), start, pos);
    this.pos = pos;
  }

  /** The literal text of an interpolated string up to a hole or the closing quote. */
  private readInterpolationText(frame: InterpolationFrame): void {
    const code = this.code;
    let pos = this.pos;
    while (pos < code.length) {
      const char = code.charCodeAt(pos);
      if (char === 123 /* { */) {
        if (code.charCodeAt(pos + 1) === 123) {
          pos += 2;
          continue;
        }
        this.push('hole-start', '{', pos, pos + 1);
        frame.inHole = true;
        frame.depth = 0;
        this.pos = pos + 1;
        return;
      }
      if (char === 34) {
        if (frame.verbatim && code.charCodeAt(pos + 1) === 34) {
          pos += 2;
          continue;
        }
        this.push('interpolation-end', '"', pos, pos + 1);
        this.frames.pop();
        this.pos = pos + 1;
        return;
      }
      if (!frame.verbatim && char === 92) {
        pos += 2;
        continue;
      }
      if (!frame.verbatim && isLineBreak(char)) break;
      pos++;
    }
    // A regular interpolated string cut off by a line break or the end of the code.
    pos = Math.min(pos, code.length);
    const start = this.lastInterpolationStart();
    this.problem('csharp-unterminated-string', start, start + 2, 'This interpolated string is never closed with ".');
    this.push('interpolation-end', '', pos, pos);
    this.frames.pop();
    this.pos = pos;
  }
}

export function lexCSharp(code: string): LexResult {
  return new Lexer(code).run();
}
