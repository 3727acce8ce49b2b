import type { Finding } from '../../findings/finding';
import { SyntaxErrorReporter } from '../../findings/syntaxErrorReporter';
import type { Span } from '../../text/span';
import { DecodedTextBuilder, type DecodedText } from '../bicep/bicepStringValue';
import type {
  HclAttribute,
  HclBinaryOperator,
  HclBlock,
  HclBody,
  HclBodyItem,
  HclExpression,
  HclFile,
  HclFor,
  HclIdentifier,
  HclLabel,
  HclObjectItem,
  HclTemplate,
  HclTemplateDirective,
  HclTemplateInterpolation,
  HclTemplatePart,
} from './hclSyntax';
import type { HclSyntaxCode } from './hclSyntaxFindings';

/** Deepest nesting of blocks, expressions and templates the parser builds; deeper input is skipped with a finding. */
export const MAX_HCL_DEPTH = 256;

export interface HclParseResult {
  readonly file: HclFile;
  readonly findings: readonly Finding[];
}

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['||', 1],
  ['&&', 2],
  ['==', 3],
  ['!=', 3],
  ['<', 4],
  ['<=', 4],
  ['>', 4],
  ['>=', 4],
  ['+', 5],
  ['-', 5],
  ['*', 6],
  ['/', 6],
  ['%', 6],
]);

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isIdentifierStart(code: number, char: string): boolean {
  return isAsciiLetter(code) || code === 95 || (code > 127 && /\p{ID_Start}/u.test(char));
}

function isIdentifierPart(code: number, char: string): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === 95 || code === 45 || (code > 127 && /\p{ID_Continue}/u.test(char));
}

/** A stretch of heredoc or string content before it is decoded (heredoc indentation is removed afterwards). */
type RawPiece =
  | { readonly kind: 'verbatim'; readonly start: number; readonly end: number }
  | { readonly kind: 'escape'; readonly decoded: string; readonly start: number; readonly end: number }
  | { readonly kind: 'hole'; readonly part: HclTemplateInterpolation | HclTemplateDirective };

/**
 * Parses HCL native syntax (Terraform `.tf` and `.tfvars`) into a tree with exact spans. Never throws:
 * every problem becomes a syntax finding and parsing resumes at the next line, item or closer. One
 * forward pass over the characters (recovery only moves forward), with recursion bounded by MAX_HCL_DEPTH.
 */
export function parseHcl(text: string): HclParseResult {
  const parser = new HclParser(text);
  const file = parser.parseFile();
  return { file, findings: parser.syntax.close().sort((a, b) => a.span.start - b.span.start) };
}

class HclParser {
  readonly syntax = new SyntaxErrorReporter<HclSyntaxCode>();
  private pos = 0;
  private depth = 0;
  private reportedTooDeep = false;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  parseFile(): HclFile {
    const items = this.parseBody(false);
    const span = { start: 0, end: this.length };
    return { span, body: { span, items } };
  }

  // ---- characters ----

  private code(at: number = this.pos): number {
    return at < this.length ? this.text.charCodeAt(at) : -1;
  }

  private startsWith(value: string, at: number = this.pos): boolean {
    return this.text.startsWith(value, at);
  }

  private isIdentifierStartAt(at: number): boolean {
    const code = this.code(at);
    return code >= 0 && isIdentifierStart(code, this.text[at]);
  }

  private identifierEnd(from: number): number {
    let at = from;
    while (at < this.length && isIdentifierPart(this.text.charCodeAt(at), this.text[at])) at++;
    return at;
  }

  /** True when the keyword stands at `at` as a whole word. */
  private atKeyword(word: string, at: number = this.pos): boolean {
    return (
      this.startsWith(word, at) && !(at + word.length < this.length && isIdentifierPart(this.text.charCodeAt(at + word.length), this.text[at + word.length]))
    );
  }

  private newlineBetween(start: number, end: number): boolean {
    for (let at = start; at < end; at++) if (this.text.charCodeAt(at) === LF) return true;
    return false;
  }

  private atLineBreak(at: number = this.pos): boolean {
    const code = this.code(at);
    return code === LF || (code === CR && this.code(at + 1) === LF);
  }

  /** Skips spaces and comments, and newlines when `newlines` is set (inside brackets). */
  private skipSpace(newlines: boolean): void {
    const { text, length } = this;
    while (this.pos < length) {
      const code = text.charCodeAt(this.pos);
      if (code === SPACE || code === TAB || code === BOM || (code === CR && (newlines || this.code(this.pos + 1) !== LF))) {
        this.pos++;
      } else if (code === LF) {
        if (!newlines) return;
        this.pos++;
      } else if (code === 35 || (code === 47 && this.code(this.pos + 1) === 47)) {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? length : end > 0 && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      } else if (code === 47 && this.code(this.pos + 1) === 42) {
        const end = text.indexOf('*/', this.pos + 2);
        if (end < 0) {
          this.report('hcl-unterminated-comment', "The comment is not closed with '*/'.", this.pos, this.pos + 2);
          this.pos = length;
        } else {
          this.pos = end + 2;
        }
      } else {
        return;
      }
    }
  }

  private report(code: HclSyntaxCode, message: string, start: number, end: number): void {
    this.syntax.report(code, message, start, end);
  }

  /** Reports that `what` was expected at the current position. */
  private expected(what: string, code: HclSyntaxCode = 'hcl-unexpected-token'): void {
    if (this.pos >= this.length || this.atLineBreak()) {
      this.report(code, `Expected ${what}.`, this.pos, this.pos);
    } else {
      const char = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
      this.report(code, `Expected ${what} but found '${char}'.`, this.pos, this.pos + char.length);
    }
  }

  private unclosed(opener: string, start: number): void {
    this.report('hcl-unclosed-bracket', `'${opener}' is not closed.`, start, start + opener.length);
  }

  /** Enters one level of nesting; false (with one finding per file) when the cap is reached. */
  private enter(): boolean {
    if (this.depth >= MAX_HCL_DEPTH) {
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.report('hcl-nesting-too-deep', `Nesting deeper than ${MAX_HCL_DEPTH} levels is skipped.`, this.pos, this.pos + 1);
      }
      this.recover(false, '');
      return false;
    }
    this.depth++;
    return true;
  }

  private leave(): void {
    this.depth--;
  }

  /**
   * Skips forward to a stop character (or a newline when `stopAtNewline`) at bracket balance zero, or to a
   * closer of an enclosing container, or the end. Brackets, quoted strings and comments on the way are
   * skipped whole. Iterative and forward-only.
   */
  private recover(stopAtNewline: boolean, stops: string): void {
    const { text, length } = this;
    let balance = 0;
    while (this.pos < length) {
      const char = text[this.pos];
      if (balance === 0 && ((stopAtNewline && char === '\n') || stops.includes(char))) return;
      if (char === '(' || char === '[' || char === '{') {
        balance++;
      } else if (char === ')' || char === ']' || char === '}') {
        if (balance === 0) return;
        balance--;
      } else if (char === '"') {
        this.pos++;
        while (this.pos < length && text[this.pos] !== '"' && text[this.pos] !== '\n') this.pos += text[this.pos] === '\\' ? 2 : 1;
        if (text[this.pos] !== '"') continue;
      } else if (char === '#' || (char === '/' && text[this.pos + 1] === '/')) {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? length : end;
        continue;
      } else if (char === '/' && text[this.pos + 1] === '*') {
        const end = text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? length : end + 2;
        continue;
      }
      this.pos++;
    }
  }

  // ---- bodies ----

  private parseBody(inBlock: boolean): HclBodyItem[] {
    const items: HclBodyItem[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.length) break;
      const start = this.pos;
      if (this.text[start] === '}') {
        if (inBlock) break;
        this.report('hcl-unexpected-token', "Unexpected '}': no block is open here.", start, start + 1);
        this.pos++;
        continue;
      }
      if (this.isIdentifierStartAt(start)) {
        const item = this.parseBodyItem(inBlock);
        if (item !== undefined) items.push(item);
      } else {
        const char = String.fromCodePoint(this.text.codePointAt(start) ?? 0);
        this.report('hcl-unexpected-character', `Expected an attribute or a block but found '${char}'.`, start, start + char.length);
        this.recover(true, '');
      }
      if (this.pos === start) this.pos++;
    }
    return items;
  }

  private readIdentifier(): HclIdentifier {
    const start = this.pos;
    this.pos = this.identifierEnd(start);
    return { name: this.text.slice(start, this.pos), span: { start, end: this.pos } };
  }

  private parseBodyItem(inBlock: boolean): HclBodyItem | undefined {
    const name = this.readIdentifier();
    this.skipSpace(false);
    if (this.text[this.pos] === '=' && this.text[this.pos + 1] !== '=') {
      const equalsEnd = ++this.pos;
      this.skipSpace(false);
      const expression = this.parseExpression(false);
      const attribute: HclAttribute = { kind: 'attribute', span: { start: name.span.start, end: expression?.span.end ?? equalsEnd }, name, expression };
      this.expectItemEnd(inBlock, 'the end of the line after the attribute');
      return attribute;
    }
    const labels: HclLabel[] = [];
    for (;;) {
      if (this.text[this.pos] === '"') {
        const label = this.parseQuoted();
        labels.push({ value: label.literal?.value ?? this.text.slice(label.contentSpan.start, label.contentSpan.end), span: label.span, quoted: true });
      } else if (this.isIdentifierStartAt(this.pos)) {
        const label = this.readIdentifier();
        labels.push({ value: label.name, span: label.span, quoted: false });
      } else {
        break;
      }
      this.skipSpace(false);
    }
    if (this.text[this.pos] !== '{') {
      this.expected(labels.length === 0 ? "'=' or '{'" : "'{'");
      this.recover(true, '');
      return undefined;
    }
    return this.parseBlock(name, labels);
  }

  private parseBlock(type: HclIdentifier, labels: readonly HclLabel[]): HclBlock {
    const open = this.pos++;
    let items: HclBodyItem[] = [];
    if (this.enter()) {
      items = this.parseBody(true);
      this.leave();
    }
    const closed = this.text[this.pos] === '}';
    if (closed) this.pos++;
    else this.unclosed('{', open);
    const end = closed ? this.pos : Math.max(open + 1, this.pos);
    const body: HclBody = { span: { start: open, end }, items };
    return { kind: 'block', span: { start: type.span.start, end }, type, labels, bodySpan: body.span, body, closed };
  }

  /** After an attribute: a newline, the end, or (in a one-line block) its `}`. */
  private expectItemEnd(inBlock: boolean, what: string): void {
    this.skipSpace(false);
    if (this.pos >= this.length || this.atLineBreak() || (inBlock && this.text[this.pos] === '}')) return;
    this.expected(what);
    this.recover(true, '');
  }

  // ---- expressions ----

  /** An expression; `newlines` is true inside brackets, where line breaks are insignificant. */
  private parseExpression(newlines: boolean): HclExpression | undefined {
    if (!this.enter()) return undefined;
    try {
      return this.parseConditional(newlines);
    } finally {
      this.leave();
    }
  }

  private parseConditional(newlines: boolean): HclExpression | undefined {
    const condition = this.parseBinary(newlines, 1);
    if (condition === undefined) return undefined;
    this.skipSpace(newlines);
    if (this.text[this.pos] !== '?') return condition;
    this.pos++;
    this.skipSpace(true);
    const whenTrue = this.parseExpression(newlines);
    this.skipSpace(newlines);
    let whenFalse: HclExpression | undefined;
    if (this.text[this.pos] === ':') {
      this.pos++;
      this.skipSpace(true);
      whenFalse = this.parseExpression(newlines);
    } else {
      this.expected("':' of the conditional");
    }
    const end = (whenFalse ?? whenTrue ?? condition).span.end;
    return { kind: 'conditional', span: { start: condition.span.start, end }, condition, whenTrue, whenFalse };
  }

  /** The binary operator at the current position, if any. */
  private peekOperator(): HclBinaryOperator | undefined {
    const two = this.text.slice(this.pos, this.pos + 2);
    if (two === '||' || two === '&&' || two === '==' || two === '!=' || two === '<=' || two === '>=') return two;
    const one = this.text[this.pos];
    if (one === '<' || one === '>' || one === '+' || one === '-' || one === '*' || one === '/' || one === '%') return one;
    return undefined;
  }

  private parseBinary(newlines: boolean, minPrecedence: number): HclExpression | undefined {
    let left = this.parseUnary(newlines);
    if (left === undefined) return undefined;
    for (;;) {
      this.skipSpace(newlines);
      const operator = this.peekOperator();
      const precedence = operator === undefined ? undefined : BINARY_PRECEDENCE.get(operator);
      if (operator === undefined || precedence === undefined || precedence < minPrecedence) return left;
      this.pos += operator.length;
      this.skipSpace(true);
      const right = this.parseBinary(newlines, precedence + 1);
      left = { kind: 'binary', span: { start: left.span.start, end: right?.span.end ?? this.pos }, operator, left, right };
      if (right === undefined) return left;
    }
  }

  private parseUnary(newlines: boolean): HclExpression | undefined {
    const char = this.text[this.pos];
    if (char !== '!' && char !== '-') return this.parsePostfix();
    const start = this.pos++;
    if (!this.enter()) return undefined;
    try {
      this.skipSpace(newlines);
      const operand = this.parseUnary(newlines);
      return { kind: 'unary', span: { start, end: operand?.span.end ?? start + 1 }, operator: char, operand };
    } finally {
      this.leave();
    }
  }

  private parsePostfix(): HclExpression | undefined {
    let base = this.parsePrimary();
    if (base === undefined) return undefined;
    for (;;) {
      const char = this.text[this.pos];
      if (char === '.') {
        const next = this.code(this.pos + 1);
        // `...` after a final argument or a grouped `for` value.
        if (next === 46) return base;
        if (next === 42) {
          this.pos += 2;
          base = { kind: 'splat', span: { start: base.span.start, end: this.pos }, base, full: false };
        } else if (isDigit(next)) {
          const start = ++this.pos;
          while (isDigit(this.code())) this.pos++;
          const index: HclExpression = { kind: 'literal', span: { start, end: this.pos }, value: Number(this.text.slice(start, this.pos)) };
          base = { kind: 'index', span: { start: base.span.start, end: this.pos }, base, index, closed: true };
        } else if (this.isIdentifierStartAt(this.pos + 1)) {
          this.pos++;
          const name = this.readIdentifier();
          base = { kind: 'get-attribute', span: { start: base.span.start, end: name.span.end }, base, name };
        } else {
          this.pos++;
          this.expected("an attribute name after '.'");
          return { kind: 'get-attribute', span: { start: base.span.start, end: this.pos }, base, name: undefined };
        }
      } else if (char === '[') {
        const open = this.pos++;
        this.skipSpace(true);
        if (this.text[this.pos] === '*') {
          const star = this.pos++;
          this.skipSpace(true);
          if (this.text[this.pos] === ']') {
            this.pos++;
            base = { kind: 'splat', span: { start: base.span.start, end: this.pos }, base, full: true };
            continue;
          }
          this.pos = star;
        }
        const index = this.parseExpression(true);
        this.skipSpace(true);
        const closed = this.text[this.pos] === ']';
        if (closed) this.pos++;
        else this.unclosed('[', open);
        base = { kind: 'index', span: { start: base.span.start, end: closed ? this.pos : (index?.span.end ?? open + 1) }, base, index, closed };
        if (!closed) return base;
      } else {
        return base;
      }
    }
  }

  private parsePrimary(): HclExpression | undefined {
    const start = this.pos;
    const code = this.code();
    if (isDigit(code)) return this.parseNumber();
    if (code === 34) return this.parseQuoted();
    if (code === 60 && this.code(start + 1) === 60) return this.parseHeredoc();
    if (code === 91) return this.parseTuple();
    if (code === 123) return this.parseObject();
    if (code === 40) return this.parseParenthesized();
    if (code >= 0 && isIdentifierStart(code, this.text[start])) return this.parseName();
    this.expected('an expression', 'hcl-missing-expression');
    return undefined;
  }

  private parseNumber(): HclExpression {
    const start = this.pos;
    while (isDigit(this.code())) this.pos++;
    if (this.text[this.pos] === '.' && isDigit(this.code(this.pos + 1))) {
      this.pos++;
      while (isDigit(this.code())) this.pos++;
    }
    const exponent = this.code();
    if (exponent === 101 || exponent === 69) {
      let at = this.pos + 1;
      if (this.text[at] === '+' || this.text[at] === '-') at++;
      if (isDigit(this.code(at))) {
        this.pos = at;
        while (isDigit(this.code())) this.pos++;
      }
    }
    return { kind: 'literal', span: { start, end: this.pos }, value: Number(this.text.slice(start, this.pos)) };
  }

  /** A variable, a literal keyword, or a function call (`name(...)`, `provider::ns::name(...)`). */
  private parseName(): HclExpression {
    const first = this.readIdentifier();
    let name = first;
    while (this.startsWith('::') && this.isIdentifierStartAt(this.pos + 2)) {
      this.pos += 2;
      const part = this.readIdentifier();
      name = { name: this.text.slice(first.span.start, part.span.end), span: { start: first.span.start, end: part.span.end } };
    }
    let at = this.pos;
    while (this.code(at) === SPACE || this.code(at) === TAB) at++;
    if (this.text[at] === '(') {
      this.pos = at;
      return this.parseCall(name);
    }
    if (name === first) {
      if (name.name === 'true' || name.name === 'false') return { kind: 'literal', span: name.span, value: name.name === 'true' };
      if (name.name === 'null') return { kind: 'literal', span: name.span, value: null };
    }
    return { kind: 'variable', span: name.span, name: name.name };
  }

  /**
   * Items of a bracketed list up to `closer`, separated by commas (newlines insignificant). Stops early,
   * unclosed, at anything else; the caller reports it.
   */
  private parseList(closer: string, allowExpand: boolean): { items: HclExpression[]; expandFinal: boolean; closed: boolean } {
    const items: HclExpression[] = [];
    let expandFinal = false;
    for (;;) {
      const lineStart = this.pos;
      this.skipSpace(true);
      if (this.text[this.pos] === closer) break;
      if (this.newlineBetween(lineStart, this.pos) && this.looksLikeBodyItem()) {
        this.pos = lineStart;
        return { items, expandFinal, closed: false };
      }
      const before = this.pos;
      const item = this.parseExpression(true);
      if (item !== undefined) items.push(item);
      this.skipSpace(true);
      if (allowExpand && this.startsWith('...')) {
        expandFinal = true;
        this.pos += 3;
        this.skipSpace(true);
      }
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === closer) break;
      if (item !== undefined) this.expected(`',' or '${closer}'`);
      if (this.pos === before && this.pos < this.length && !'}])'.includes(this.text[this.pos])) this.pos++;
      this.recover(false, ',');
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === closer) break;
      return { items, expandFinal, closed: false };
    }
    this.pos++;
    return { items, expandFinal, closed: true };
  }

  /**
   * True at a line that reads like an attribute or block of the enclosing body (`name =`, `name {`,
   * `name "label"`): an unclosed bracket above it stops there, so the rest of the file still parses.
   */
  private looksLikeBodyItem(): boolean {
    return this.looksLikeBlockStart() || /^\s*=(?![=>])/.test(this.text.slice(this.identifierEnd(this.pos), this.identifierEnd(this.pos) + 40));
  }

  private looksLikeBlockStart(): boolean {
    if (!this.isIdentifierStartAt(this.pos)) return false;
    const end = this.identifierEnd(this.pos);
    return /^[ \t]*(\{|"[^"\n]*"[ \t]*(\{|")|\w+[ \t]*\{)/.test(this.text.slice(end, end + 200));
  }

  private parseCall(name: HclIdentifier): HclExpression {
    const open = this.pos++;
    const { items, expandFinal, closed } = this.parseList(')', true);
    if (!closed) this.unclosed('(', open);
    const end = closed ? this.pos : (items[items.length - 1]?.span.end ?? open + 1);
    return { kind: 'call', span: { start: name.span.start, end }, name, args: items, expandFinal, closed };
  }

  private parseTuple(): HclExpression {
    const open = this.pos++;
    this.skipSpace(true);
    if (this.atKeyword('for')) return this.parseFor(open, false);
    const { items, closed } = this.parseList(']', false);
    if (!closed) this.unclosed('[', open);
    const end = closed ? this.pos : (items[items.length - 1]?.span.end ?? open + 1);
    return { kind: 'tuple', span: { start: open, end }, items, closed };
  }

  private parseParenthesized(): HclExpression {
    const open = this.pos++;
    this.skipSpace(true);
    const expression = this.parseExpression(true);
    this.skipSpace(true);
    const closed = this.text[this.pos] === ')';
    if (closed) this.pos++;
    else this.unclosed('(', open);
    return { kind: 'parenthesized', span: { start: open, end: closed ? this.pos : (expression?.span.end ?? open + 1) }, expression, closed };
  }

  /** `{ key = value, key: value \n ... }`: items end at a comma or a newline. */
  private parseObject(): HclExpression {
    const open = this.pos++;
    this.skipSpace(true);
    if (this.atKeyword('for')) return this.parseFor(open, true);
    const items: HclObjectItem[] = [];
    for (;;) {
      const lineStart = this.pos;
      this.skipSpace(true);
      if (this.pos >= this.length || this.text[this.pos] === '}') break;
      if (this.newlineBetween(lineStart, this.pos) && this.looksLikeBlockStart()) {
        this.pos = lineStart;
        break;
      }
      const start = this.pos;
      const key = this.parseExpression(false);
      if (key === undefined) {
        if (this.pos === start && !')]'.includes(this.text[this.pos])) this.pos++;
        this.recover(true, ',');
        if (this.text[this.pos] === ')' || this.text[this.pos] === ']') break;
        continue;
      }
      this.skipSpace(false);
      const separator = this.text[this.pos];
      let value: HclExpression | undefined;
      if ((separator === '=' && this.text[this.pos + 1] !== '=') || separator === ':') {
        this.pos++;
        this.skipSpace(false);
        value = this.parseExpression(false);
      } else {
        this.expected("'=' after the object key");
      }
      items.push({ span: { start: key.span.start, end: value?.span.end ?? key.span.end }, key, keyName: objectKeyName(key), value });
      this.skipSpace(false);
      const next = this.text[this.pos];
      if (next === ',') this.pos++;
      else if (next === '}' || this.atLineBreak() || this.pos >= this.length) continue;
      else {
        if (value !== undefined) this.expected("',', a newline or '}'");
        this.recover(true, ',');
        if (this.text[this.pos] === ')' || this.text[this.pos] === ']') break;
      }
    }
    const closed = this.text[this.pos] === '}';
    if (closed) this.pos++;
    else this.unclosed('{', open);
    const end = closed ? this.pos : (items[items.length - 1]?.span.end ?? open + 1);
    return { kind: 'object', span: { start: open, end }, items, closed };
  }

  private parseFor(open: number, object: boolean): HclFor {
    const closer = object ? '}' : ']';
    this.pos += 3;
    this.skipSpace(true);
    let keyVariable: HclIdentifier | undefined;
    let valueVariable: HclIdentifier | undefined;
    let collection: HclExpression | undefined;
    let key: HclExpression | undefined;
    let value: HclExpression | undefined;
    let condition: HclExpression | undefined;
    const parts = (): boolean => {
      if (!this.isIdentifierStartAt(this.pos)) return false;
      valueVariable = this.readIdentifier();
      this.skipSpace(true);
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipSpace(true);
        if (!this.isIdentifierStartAt(this.pos)) return false;
        keyVariable = valueVariable;
        valueVariable = this.readIdentifier();
        this.skipSpace(true);
      }
      if (!this.atKeyword('in')) return false;
      this.pos += 2;
      this.skipSpace(true);
      collection = this.parseExpression(true);
      this.skipSpace(true);
      if (this.text[this.pos] !== ':') return false;
      this.pos++;
      this.skipSpace(true);
      if (object) {
        key = this.parseExpression(true);
        this.skipSpace(true);
        if (!this.startsWith('=>')) return false;
        this.pos += 2;
        this.skipSpace(true);
      }
      value = this.parseExpression(true);
      this.skipSpace(true);
      if (object && this.startsWith('...')) {
        this.pos += 3;
        this.skipSpace(true);
      }
      if (this.atKeyword('if')) {
        this.pos += 2;
        this.skipSpace(true);
        condition = this.parseExpression(true);
        this.skipSpace(true);
      }
      return this.text[this.pos] === closer;
    };
    if (!parts()) {
      this.expected(`the rest of the 'for' expression`);
      this.recover(false, closer);
    }
    const closed = this.text[this.pos] === closer;
    if (closed) this.pos++;
    else this.unclosed(object ? '{' : '[', open);
    return {
      kind: 'for',
      span: { start: open, end: closed ? this.pos : Math.max(open + 1, this.pos) },
      object,
      keyVariable,
      valueVariable,
      collection,
      key,
      value,
      condition,
      closed,
    };
  }

  // ---- templates ----

  /** `${ expression }` or `%{ directive }` at the current position (both start with two characters). */
  private parseHole(): HclTemplateInterpolation | HclTemplateDirective {
    const start = this.pos;
    const directive = this.text[start] === '%';
    this.pos += 2;
    if (this.text[this.pos] === '~') this.pos++;
    this.skipSpace(true);
    let keyword = '';
    let expression: HclExpression | undefined;
    if (!directive) {
      expression = this.parseExpression(true);
    } else if (this.isIdentifierStartAt(this.pos)) {
      keyword = this.readIdentifier().name;
      this.skipSpace(true);
      if (keyword === 'if') {
        expression = this.parseExpression(true);
      } else if (keyword === 'for') {
        while (this.isIdentifierStartAt(this.pos) && !this.atKeyword('in')) {
          this.readIdentifier();
          this.skipSpace(true);
          if (this.text[this.pos] === ',') this.pos++;
          this.skipSpace(true);
        }
        if (this.atKeyword('in')) {
          this.pos += 2;
          this.skipSpace(true);
          expression = this.parseExpression(true);
        } else {
          this.expected("'in' in the template 'for' directive");
        }
      } else if (keyword !== 'else' && keyword !== 'endif' && keyword !== 'endfor') {
        this.report('hcl-unexpected-token', `Unknown template directive '${keyword}': expected if, else, endif, for or endfor.`, start, this.pos);
      }
    } else {
      this.expected('a template directive (if, else, endif, for, endfor)');
    }
    this.skipSpace(true);
    if (this.text[this.pos] === '~') this.pos++;
    if (this.text[this.pos] === '}') this.pos++;
    else this.unclosed(directive ? '%{' : '${', start);
    const span = { start, end: Math.max(this.pos, start + 2) };
    return directive ? { kind: 'directive', span, keyword, expression } : { kind: 'interpolation', span, expression };
  }

  /** A hole, or `$${` / `%%{` (literal `${` / `%{`), at a `$` or `%`; undefined for a plain character. */
  private templateSpecial(): RawPiece | undefined {
    const char = this.text[this.pos];
    const next = this.text[this.pos + 1];
    if (next === '{') return { kind: 'hole', part: this.parseHole() };
    if (next === char && this.text[this.pos + 2] === '{') {
      const start = this.pos;
      this.pos += 3;
      return { kind: 'escape', decoded: `${char}{`, start, end: this.pos };
    }
    return undefined;
  }

  /** A quoted string: escapes, holes; it must close on the same line. */
  private parseQuoted(): HclTemplate {
    const { text, length } = this;
    const start = this.pos++;
    const pieces: RawPiece[] = [];
    let closed = false;
    let contentEnd = length;
    while (this.pos < length) {
      const char = text[this.pos];
      if (char === '"') {
        contentEnd = this.pos++;
        closed = true;
        break;
      }
      if (char === '\n' || (char === '\r' && text[this.pos + 1] === '\n')) {
        contentEnd = this.pos;
        break;
      }
      if (char === '\\') {
        pieces.push(this.parseEscape());
        continue;
      }
      if (char === '$' || char === '%') {
        const special = this.templateSpecial();
        if (special !== undefined) {
          pieces.push(special);
          continue;
        }
      }
      const from = this.pos++;
      while (this.pos < length) {
        const code = text.charCodeAt(this.pos);
        if (code === 34 || code === 92 || code === 36 || code === 37 || code === LF || code === CR) break;
        this.pos++;
      }
      pieces.push({ kind: 'verbatim', start: from, end: this.pos });
    }
    if (!closed) this.report('hcl-unterminated-string', "The string is not closed with '\"' on this line.", start, Math.max(start + 1, contentEnd));
    const contentSpan = { start: start + 1, end: contentEnd };
    return this.template({ start, end: closed ? this.pos : contentEnd }, contentSpan, pieces, new Set(), 0, undefined, closed);
  }

  private parseEscape(): RawPiece {
    const start = this.pos;
    const next = this.text[start + 1];
    const simple = next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next === '"' || next === '\\' ? next : undefined;
    if (simple !== undefined) {
      this.pos += 2;
      return { kind: 'escape', decoded: simple, start, end: this.pos };
    }
    const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (digits > 0) {
      let at = start + 2;
      while (at < start + 2 + digits && isHexDigit(this.code(at))) at++;
      const codePoint = at === start + 2 + digits ? Number.parseInt(this.text.slice(start + 2, at), 16) : -1;
      if (codePoint >= 0 && codePoint <= 0x10ffff) {
        this.pos = at;
        return { kind: 'escape', decoded: String.fromCodePoint(codePoint), start, end: at };
      }
    }
    const end = next === undefined || next === '\n' ? start + 1 : start + 2;
    this.report('hcl-invalid-escape', `Invalid escape '${this.text.slice(start, end)}': use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN.`, start, end);
    this.pos = end;
    return { kind: 'verbatim', start, end };
  }

  /**
   * `<<MARKER` or `<<-MARKER`, a newline, lines of template (holes and `$${`/`%%{`, no backslash escapes),
   * and a line holding only the marker. `<<-` removes the smallest indentation of the non-blank lines.
   */
  private parseHeredoc(): HclExpression | undefined {
    const { text, length } = this;
    const start = this.pos;
    this.pos += 2;
    const flush = text[this.pos] === '-';
    if (flush) this.pos++;
    if (!this.isIdentifierStartAt(this.pos)) {
      this.expected("a heredoc marker after '<<'");
      return undefined;
    }
    const marker = this.readIdentifier().name;
    const headerEnd = this.pos;
    while (this.code() === SPACE || this.code() === TAB) this.pos++;
    if (this.text[this.pos] === '\r' && this.text[this.pos + 1] === '\n') this.pos++;
    if (this.pos < length && text[this.pos] !== '\n') {
      this.expected('a newline after the heredoc marker');
      const end = text.indexOf('\n', this.pos);
      this.pos = end < 0 ? length : end;
    }
    if (this.pos < length) this.pos++;
    const contentStart = this.pos;
    const pieces: RawPiece[] = [];
    const lineStarts = new Set<number>();
    let contentEnd = length;
    let closed = false;
    let atLineStart = true;
    while (this.pos < length) {
      if (atLineStart) {
        let at = this.pos;
        while (this.code(at) === SPACE || this.code(at) === TAB) at++;
        if (this.startsWith(marker, at)) {
          let after = at + marker.length;
          while (this.code(after) === SPACE || this.code(after) === TAB || this.code(after) === CR) after++;
          if (after >= length || text[after] === '\n') {
            contentEnd = this.pos;
            this.pos = at + marker.length;
            closed = true;
            break;
          }
        }
        lineStarts.add(this.pos);
        atLineStart = false;
      }
      const char = text[this.pos];
      if (char === '$' || char === '%') {
        const special = this.templateSpecial();
        if (special !== undefined) {
          pieces.push(special);
          continue;
        }
      }
      const from = this.pos++;
      if (char !== '\n') {
        while (this.pos < length) {
          const code = text.charCodeAt(this.pos);
          if (code === 36 || code === 37) break;
          this.pos++;
          if (code === LF) break;
        }
      }
      if (text[this.pos - 1] === '\n') atLineStart = true;
      pieces.push({ kind: 'verbatim', start: from, end: this.pos });
    }
    if (!closed) this.report('hcl-unterminated-heredoc', `The heredoc is not closed: add a line holding only '${marker}'.`, start, headerEnd);
    const indent = flush ? this.heredocIndent(lineStarts, contentEnd) : 0;
    const span = { start, end: closed ? this.pos : length };
    return this.template(span, { start: contentStart, end: contentEnd }, pieces, lineStarts, indent, { marker, flush }, closed);
  }

  /** The indentation `<<-` removes: the fewest leading spaces or tabs of a line that is not blank. */
  private heredocIndent(lineStarts: ReadonlySet<number>, contentEnd: number): number {
    let smallest = Number.POSITIVE_INFINITY;
    for (const lineStart of lineStarts) {
      let at = lineStart;
      while (at < contentEnd && (this.code(at) === SPACE || this.code(at) === TAB)) at++;
      if (at >= contentEnd || this.atLineBreak(at)) continue;
      smallest = Math.min(smallest, at - lineStart);
    }
    return Number.isFinite(smallest) ? smallest : 0;
  }

  /** Builds the template node: literal parts decoded (heredoc indentation removed), holes in between. */
  private template(
    span: Span,
    contentSpan: Span,
    pieces: readonly RawPiece[],
    lineStarts: ReadonlySet<number>,
    indent: number,
    heredoc: HclTemplate['heredoc'],
    closed: boolean,
  ): HclTemplate {
    const parts: HclTemplatePart[] = [];
    let builder = new DecodedTextBuilder();
    let segmentStart = contentSpan.start;
    let hasHoles = false;
    const flushLiteral = (end: number): void => {
      const text = startAtFirstRun(builder.build({ start: segmentStart, end }));
      if (text.value.length > 0) parts.push({ kind: 'literal', text });
      builder = new DecodedTextBuilder();
    };
    for (const piece of pieces) {
      if (piece.kind === 'hole') {
        hasHoles = true;
        flushLiteral(piece.part.span.start);
        parts.push(piece.part);
        segmentStart = piece.part.span.end;
      } else if (piece.kind === 'escape') {
        builder.appendEscape(piece.decoded, piece.start, piece.end);
      } else {
        const trimmed = indent > 0 && lineStarts.has(piece.start) && !this.blankLineAt(piece.start, contentSpan.end) ? indent : 0;
        builder.appendVerbatim(this.text, Math.min(piece.start + trimmed, piece.end), piece.end);
      }
    }
    let literal: DecodedText | undefined;
    if (hasHoles) flushLiteral(contentSpan.end);
    else literal = startAtFirstRun(builder.build(contentSpan));
    if (literal !== undefined && literal.value.length > 0) parts.push({ kind: 'literal', text: literal });
    return { kind: 'template', span, heredoc, contentSpan, parts, literal, closed };
  }

  private blankLineAt(lineStart: number, contentEnd: number): boolean {
    let at = lineStart;
    while (at < contentEnd && (this.code(at) === SPACE || this.code(at) === TAB)) at++;
    return at >= contentEnd || this.atLineBreak(at);
  }
}

/** Literal text starts at its first character, after the indentation a `<<-` heredoc removes. */
function startAtFirstRun(text: DecodedText): DecodedText {
  const first = text.runs[0];
  return first === undefined || first.sourceStart === text.sourceSpan.start
    ? text
    : { ...text, sourceSpan: { start: first.sourceStart, end: text.sourceSpan.end } };
}

/** The name of an object key written as a bare identifier or a literal string. */
function objectKeyName(key: HclExpression): string | undefined {
  if (key.kind === 'variable') return key.name;
  if (key.kind === 'template') return key.literal?.value;
  if (key.kind === 'literal' && typeof key.value === 'boolean') return String(key.value);
  return undefined;
}
