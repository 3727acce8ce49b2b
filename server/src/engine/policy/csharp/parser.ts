import { lexCSharp, type LexProblemCode, type Token } from './lexer';
import type {
  Argument,
  Block,
  CatchClause,
  Expression,
  Initializer,
  LiteralType,
  NamePart,
  Parameter,
  Statement,
  SwitchSection,
  TypeSyntax,
  VariableDeclarator,
} from './syntax';

/**
 * A recursive-descent parser for the C# of policy expressions: C# 7 expressions for `@(...)` and
 * statement lists for `@{...}`. It is tolerant (a missing piece becomes a `missing` node and parsing
 * goes on, so half-typed code still has a tree for completion and hover), keeps only the first problem
 * (later ones are usually echoes of it), looks ahead through a precomputed bracket table (so speculation
 * stays linear) and stops at MAX_CSHARP_DEPTH, which keeps the recursion bounded on hostile input. Stopping there is
 * no C# error (APIM compiles deeper code): the tree is marked `truncated` and nothing after that point is claimed.
 */

export type ParseProblemCode =
  | LexProblemCode
  | 'csharp-unbalanced-brackets'
  | 'csharp-missing-semicolon'
  | 'csharp-missing-return'
  | 'csharp-expected-expression'
  | 'csharp-unexpected-token';

export interface ParseProblem {
  readonly code: ParseProblemCode;
  /** Code offsets (see ExpressionSource). */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface CSharpSyntax {
  readonly form: 'single' | 'multi';
  /** The expression of `@(...)`, or the statements of `@{...}`. */
  readonly root: Expression | Block;
  /** The first problem, if any: where the C# breaks. */
  readonly problem: ParseProblem | undefined;
  /** Where the parser stopped because the code nests deeper than it reads; the tree is partial from there. */
  readonly truncated: { readonly start: number; readonly end: number; readonly depth: number } | undefined;
  readonly tokens: readonly Token[];
}

/** Deep enough for any real expression; each level costs a few stack frames, so the recursion stays far from Node's limit. */
export const MAX_CSHARP_DEPTH = 1000;
const MAX_SPECULATION = 64;

const PREDEFINED_TYPES: ReadonlySet<string> = new Set([
  'bool',
  'byte',
  'char',
  'decimal',
  'double',
  'float',
  'int',
  'long',
  'object',
  'sbyte',
  'short',
  'string',
  'uint',
  'ulong',
  'ushort',
  'void',
]);

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '|': 4,
  '^': 5,
  '&': 6,
  '==': 7,
  '!=': 7,
  '<': 8,
  '>': 8,
  '<=': 8,
  '>=': 8,
  is: 8,
  as: 8,
  '<<': 9,
  '>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
};

const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '??=']);

/** Tokens after `>` that make `a<b>` a generic name rather than two comparisons (C# spec, 7.6.4.2). */
const AFTER_TYPE_ARGUMENTS: ReadonlySet<string> = new Set([
  '(',
  ')',
  ']',
  '}',
  ':',
  ';',
  ',',
  '.',
  '?',
  '==',
  '!=',
  '|',
  '^',
  '&&',
  '||',
  '&',
  '[',
  '?.',
  '??',
  '=>',
]);

/** Tokens that may follow `(Type)` when it is a cast of a non-predefined type. */
function startsCastOperand(token: Token): boolean {
  if (token.kind === 'identifier' || token.kind === 'number' || token.kind === 'string' || token.kind === 'char' || token.kind === 'interpolation-start')
    return true;
  if (token.kind === 'keyword') return !['as', 'is', 'in'].includes(token.text);
  return token.kind === 'punctuation' && (token.text === '(' || token.text === '!' || token.text === '~');
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '?[': ']', '{': '}' };

/** For each opening bracket token, the index of its closing token (or -1). */
function matchBrackets(tokens: readonly Token[]): Int32Array {
  const matches = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  // Open brackets on the stack by the closer they wait for: a closer with no opener of its kind open is
  // skipped without searching the stack, so `((((...]]]]` stays linear (each search then pops what it passes).
  const open: Record<string, number> = { ')': 0, ']': 0, '}': 0 };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'punctuation') continue;
    if (CLOSERS[token.text] !== undefined) {
      stack.push(index);
      open[CLOSERS[token.text]]++;
    } else if ((token.text === ')' || token.text === ']' || token.text === '}') && open[token.text] > 0) {
      // Pop to the matching opener; openers skipped here stay unmatched.
      for (let depth = stack.length - 1; depth >= 0; depth--) {
        const closer = CLOSERS[tokens[stack[depth]].text];
        open[closer]--;
        if (closer === token.text) {
          matches[stack[depth]] = index;
          matches[index] = stack[depth];
          stack.length = depth;
          break;
        }
      }
    }
  }
  return matches;
}

class Parser {
  private index = 0;
  private depth = 0;
  private problem: ParseProblem | undefined;
  private bailed = false;
  private bailedAt: { start: number; end: number } | undefined;
  private readonly matches: Int32Array;

  constructor(private readonly tokens: readonly Token[]) {
    this.matches = matchBrackets(tokens);
  }

  get firstProblem(): ParseProblem | undefined {
    return this.problem;
  }

  get truncatedAt(): { start: number; end: number } | undefined {
    return this.bailedAt;
  }

  // ---- tokens -----------------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private at(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return (token.kind === 'punctuation' || token.kind === 'keyword') && token.text === text;
  }

  private atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  private advance(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private previousEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1].end : 0;
  }

  private accept(text: string): boolean {
    if (!this.at(text)) return false;
    this.advance();
    return true;
  }

  private report(code: ParseProblemCode, start: number, end: number, message: string): void {
    // After a stop at the depth limit, what the parser sees next is its own unfinished work, not the code's fault.
    if (this.bailed) return;
    this.problem ??= { code, start, end, message };
  }

  private describe(token: Token): string {
    if (token.kind === 'end') return 'the end of the expression';
    if (token.kind === 'interpolation-end' || token.kind === 'hole-end') return `'${token.text || '"'}'`;
    return `'${token.text.length > 30 ? `${token.text.slice(0, 30)}…` : token.text}'`;
  }

  private unexpected(expected: string): void {
    const token = this.peek();
    if (token.kind === 'punctuation' && (token.text === ')' || token.text === ']' || token.text === '}') && this.matches[this.index] === -1) {
      this.report('csharp-unbalanced-brackets', token.start, token.end, `This '${token.text}' closes nothing.`);
      return;
    }
    this.report('csharp-unexpected-token', token.start, Math.max(token.end, token.start), `Unexpected ${this.describe(token)}; expected ${expected}.`);
  }

  /** Expects the closer of the bracket at `openIndex`; on a mismatch, skips to the real closer when there is one. */
  private expectClose(openIndex: number): boolean {
    const open = this.tokens[openIndex];
    const closer = CLOSERS[open.text];
    if (this.accept(closer)) return true;
    const match = this.matches[openIndex];
    if (match === -1) {
      this.report('csharp-unbalanced-brackets', open.start, open.end, `This '${open.text === '?[' ? '[' : open.text}' is never closed with '${closer}'.`);
    } else {
      this.unexpected(`'${closer}'`);
      if (match > this.index) this.index = match + 1;
    }
    return false;
  }

  private enter(): boolean {
    if (this.bailed) return false;
    if (++this.depth > MAX_CSHARP_DEPTH) {
      const token = this.peek();
      this.bailedAt = { start: token.start, end: token.end };
      this.bailed = true;
      return false;
    }
    return true;
  }

  private leave(): void {
    this.depth--;
  }

  private missing(): Expression {
    const at = this.previousEnd();
    return { kind: 'missing', start: at, end: at };
  }

  // ---- entry points -------------------------------------------------------------------------------

  parseSingle(): Expression {
    const expression = this.parseExpression();
    if (!this.atEnd()) this.unexpected('the end of the expression');
    return expression;
  }

  parseMulti(): Block {
    const statements: Statement[] = [];
    while (!this.atEnd() && !this.bailed) {
      const before = this.index;
      statements.push(this.parseStatement());
      if (this.index === before) {
        this.unexpected('a statement');
        this.advance();
      }
    }
    const end = this.peek().end;
    return { kind: 'block', start: 0, end, statements };
  }

  // ---- types --------------------------------------------------------------------------------------

  /**
   * Reads a type at the current token without reporting anything; restores the position and returns
   * undefined when there is none. Bounded by MAX_SPECULATION tokens.
   */
  private tryType(allowNullable: boolean, budget = { tokens: MAX_SPECULATION }): TypeSyntax | undefined {
    const startIndex = this.index;
    const type = this.readType(allowNullable, budget, 0);
    if (!type) this.index = startIndex;
    return type;
  }

  private readType(allowNullable: boolean, budget: { tokens: number }, nesting: number): TypeSyntax | undefined {
    if (nesting > 8) return undefined;
    const first = this.peek();
    const parts: NamePart[] = [];
    if (first.kind === 'keyword' && PREDEFINED_TYPES.has(first.text)) {
      parts.push({ name: first.text, start: first.start, end: first.end });
      this.advance();
    } else if (first.kind === 'identifier') {
      parts.push({ name: first.text, start: first.start, end: first.end });
      this.advance();
      while ((this.at('.') || this.at('::')) && this.peek(1).kind === 'identifier') {
        this.advance();
        const part = this.advance();
        parts.push({ name: part.text, start: part.start, end: part.end });
        if (--budget.tokens <= 0) return undefined;
      }
    } else if (first.kind === 'punctuation' && first.text === '(') {
      return this.readTupleType(budget, nesting);
    } else {
      return undefined;
    }
    let args: TypeSyntax[] = [];
    if (this.at('<')) {
      const typeArgs = this.readTypeArguments(budget, nesting);
      if (!typeArgs) return undefined;
      args = typeArgs;
      // `Outer<T>.Inner` is rare enough in expressions to ignore.
    }
    return this.typeSuffixes({ kind: 'type', parts, args, nullable: false, arrays: 0, start: first.start, end: this.previousEnd() }, allowNullable);
  }

  /** `(string, int)` tuple types: read, kept as a type named `ValueTuple`. */
  private readTupleType(budget: { tokens: number }, nesting: number): TypeSyntax | undefined {
    const open = this.advance();
    const args: TypeSyntax[] = [];
    do {
      const item = this.readType(true, budget, nesting + 1);
      if (!item) return undefined;
      args.push(item);
      if (this.peek().kind === 'identifier') this.advance();
    } while (this.accept(','));
    if (!this.accept(')') || args.length < 2) return undefined;
    return this.typeSuffixes(
      {
        kind: 'type',
        parts: [{ name: 'ValueTuple', start: open.start, end: open.end }],
        args,
        nullable: false,
        arrays: 0,
        start: open.start,
        end: this.previousEnd(),
      },
      true,
    );
  }

  private typeSuffixes(type: TypeSyntax, allowNullable: boolean): TypeSyntax {
    let nullable = false;
    if (allowNullable && this.at('?') && !this.startsExpression(this.peek(1))) {
      this.advance();
      nullable = true;
    }
    let arrays = 0;
    while (this.at('[') && (this.at(']', 1) || this.at(',', 1))) {
      this.advance();
      while (this.accept(','));
      if (!this.accept(']')) break;
      arrays++;
    }
    return { ...type, nullable, arrays, end: this.previousEnd() };
  }

  /** `<T, U>`; joins nothing: `>>` is two tokens. Undefined when the tokens are not type arguments. */
  private readTypeArguments(budget: { tokens: number }, nesting: number): TypeSyntax[] | undefined {
    this.advance();
    const args: TypeSyntax[] = [];
    do {
      if (--budget.tokens <= 0) return undefined;
      const arg = this.readType(true, budget, nesting + 1);
      if (!arg) return undefined;
      args.push(arg);
    } while (this.accept(','));
    if (!this.accept('>')) return undefined;
    return args;
  }

  /** A type that must be there (after `as`, in `typeof(...)`, a cast, ...): reported when missing. */
  private expectType(allowNullable = true): TypeSyntax {
    const type = this.tryType(allowNullable);
    if (type) return type;
    this.unexpected('a type');
    const at = this.peek().start;
    return { kind: 'type', parts: [], args: [], nullable: false, arrays: 0, start: at, end: at };
  }

  private startsExpression(token: Token): boolean {
    if (['identifier', 'number', 'string', 'char', 'interpolation-start'].includes(token.kind)) return true;
    if (token.kind === 'keyword')
      return (
        ['new', 'true', 'false', 'null', 'this', 'base', 'typeof', 'default', 'checked', 'unchecked', 'sizeof', 'throw'].includes(token.text) ||
        PREDEFINED_TYPES.has(token.text)
      );
    return token.kind === 'punctuation' && ['(', '!', '~', '-', '+', '++', '--'].includes(token.text);
  }

  // ---- expressions ----------------------------------------------------------------------------------

  parseExpression(): Expression {
    if (!this.enter()) return this.missing();
    try {
      if (this.atLambda()) return this.parseLambda();
      const left = this.parseConditional();
      const token = this.peek();
      if (token.kind === 'punctuation' && ASSIGNMENT_OPERATORS.has(token.text)) {
        this.advance();
        const right = this.parseExpression();
        return { kind: 'assignment', operator: token.text, left, right, start: left.start, end: right.end };
      }
      // `a >>= b` arrives as `>` `>=`.
      if (this.at('>') && this.at('>=', 1) && !this.peek(1).spaceBefore) {
        this.advance();
        this.advance();
        const right = this.parseExpression();
        return { kind: 'assignment', operator: '>>=', left, right, start: left.start, end: right.end };
      }
      return left;
    } finally {
      this.leave();
    }
  }

  /** `x =>`, `(x, y) =>`, `(string x) =>`, `() =>`. */
  private atLambda(): boolean {
    const token = this.peek();
    if (token.kind === 'identifier') return this.at('=>', 1) || (token.text === 'async' && this.peek(1).kind === 'identifier' && this.at('=>', 2));
    if (token.kind === 'punctuation' && token.text === '(') {
      const close = this.matches[this.index];
      return close !== -1 && this.tokens[close + 1]?.kind === 'punctuation' && this.tokens[close + 1].text === '=>';
    }
    return false;
  }

  private parseLambda(): Expression {
    const start = this.peek().start;
    if (this.peek().text === 'async' && this.peek(1).kind === 'identifier') this.advance();
    const parameters: Parameter[] = [];
    if (this.peek().kind === 'identifier') {
      const name = this.advance();
      parameters.push({ kind: 'parameter', name: name.text, type: undefined, start: name.start, end: name.end });
    } else {
      const openIndex = this.index;
      this.advance();
      while (!this.at(')') && !this.atEnd()) {
        const before = this.index;
        const paramStart = this.peek().start;
        const type = this.peek().kind === 'identifier' && (this.at(',', 1) || this.at(')', 1)) ? undefined : this.tryType(true);
        const name = this.peek();
        if (name.kind === 'identifier') {
          this.advance();
          parameters.push({ kind: 'parameter', name: name.text, type, start: paramStart, end: name.end });
        } else {
          this.unexpected('a parameter name');
        }
        if (!this.accept(',')) break;
        if (this.index === before) break;
      }
      this.expectClose(openIndex);
    }
    this.accept('=>');
    const body = this.at('{') ? this.parseBlock() : this.parseExpression();
    return { kind: 'lambda', parameters, body, start, end: body.end };
  }

  private parseConditional(): Expression {
    const condition = this.parseBinary(1);
    if (!this.at('?')) return condition;
    this.advance();
    const whenTrue = this.parseExpression();
    if (!this.accept(':')) this.unexpected("':'");
    const whenFalse = this.parseExpression();
    return { kind: 'conditional', condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
  }

  /** The binary operator at the current token (joining `>` `>` into `>>`), with its token count. */
  private binaryOperator(): { text: string; width: number } | undefined {
    const token = this.peek();
    if (token.kind === 'keyword' && (token.text === 'is' || token.text === 'as')) return { text: token.text, width: 1 };
    if (token.kind !== 'punctuation') return undefined;
    if (token.text === '>' && this.at('>', 1) && !this.peek(1).spaceBefore) return { text: '>>', width: 2 };
    if (token.text === '>' && this.at('>=', 1) && !this.peek(1).spaceBefore) return undefined;
    return BINARY_PRECEDENCE[token.text] !== undefined ? { text: token.text, width: 1 } : undefined;
  }

  private parseBinary(minimum: number): Expression {
    if (!this.enter()) return this.missing();
    try {
      let left = this.parseUnary();
      for (;;) {
        const operator = this.binaryOperator();
        if (!operator) return left;
        const precedence = BINARY_PRECEDENCE[operator.text];
        if (precedence < minimum) return left;
        for (let step = 0; step < operator.width; step++) this.advance();
        if (operator.text === 'as') {
          const type = this.expectType();
          left = { kind: 'as', operand: left, type, start: left.start, end: type.end };
        } else if (operator.text === 'is') {
          left = this.parseIsRest(left);
        } else {
          // `??` is right-associative; the others are left-associative.
          const right = this.parseBinary(operator.text === '??' ? precedence : precedence + 1);
          left = { kind: 'binary', operator: operator.text, left, right, start: left.start, end: right.end };
        }
      }
    } finally {
      this.leave();
    }
  }

  /** `x is T`, `x is T name`, `x is var name`, `x is null`, `x is "text"`. */
  private parseIsRest(operand: Expression): Expression {
    const saved = this.index;
    const type = this.tryType(true);
    if (type && !(type.parts.length === 1 && type.args.length === 0 && type.arrays === 0 && !this.typeFollows())) {
      let designation: Parameter | undefined;
      if (this.peek().kind === 'identifier' && !this.at('when')) {
        const name = this.advance();
        designation = { kind: 'parameter', name: name.text, type, start: name.start, end: name.end };
      }
      return { kind: 'is', operand, type, pattern: undefined, designation, start: operand.start, end: this.previousEnd() };
    }
    this.index = saved;
    const pattern = this.parseBinary(9);
    return { kind: 'is', operand, type: undefined, pattern, designation: undefined, start: operand.start, end: pattern.end };
  }

  /**
   * After a one-word type in `x is Name`, whether it is a type: followed by a designation, or by something that
   * cannot continue a constant expression. `x is Name.Value` was already read as a dotted type, which is fine.
   */
  private typeFollows(): boolean {
    const next = this.peek();
    if (next.kind === 'identifier') return true;
    return !(next.kind === 'punctuation' && ['(', '[', '.', '?.'].includes(next.text));
  }

  private parseUnary(): Expression {
    if (!this.enter()) return this.missing();
    try {
      const token = this.peek();
      if (token.kind === 'punctuation' && ['+', '-', '!', '~', '++', '--'].includes(token.text)) {
        this.advance();
        const operand = this.parseUnary();
        return { kind: 'unary', operator: token.text, operand, start: token.start, end: operand.end };
      }
      if (token.kind === 'punctuation' && token.text === '(') {
        const cast = this.tryCast();
        if (cast) return cast;
      }
      return this.parsePostfix(this.parsePrimary());
    } finally {
      this.leave();
    }
  }

  /** `(Type)operand`, told apart from a parenthesized expression by the rules of the C# spec (7.7.6). */
  private tryCast(): Expression | undefined {
    const openIndex = this.index;
    const close = this.matches[openIndex];
    if (close === -1) return undefined;
    this.advance();
    const type = this.tryType(true);
    if (!type || this.index !== close) {
      this.index = openIndex;
      return undefined;
    }
    const after = this.tokens[close + 1];
    const predefined = type.parts.length === 1 && PREDEFINED_TYPES.has(type.parts[0].name) && type.args.length === 0;
    const isCast =
      after !== undefined && (predefined || type.arrays > 0 || type.nullable || type.args.length > 0 ? this.startsExpression(after) : startsCastOperand(after));
    if (!isCast) {
      this.index = openIndex;
      return undefined;
    }
    const open = this.tokens[openIndex];
    this.advance();
    const operand = this.parseUnary();
    return { kind: 'cast', type, operand, start: open.start, end: operand.end };
  }

  private parsePostfix(target: Expression): Expression {
    let current = target;
    for (let guard = 0; guard < 100000; guard++) {
      const token = this.peek();
      if (token.kind !== 'punctuation') return current;
      if (token.text === '.' || token.text === '?.') {
        this.advance();
        current = this.memberAccess(current, token.text === '?.');
      } else if (token.text === '(') {
        const openIndex = this.index;
        const args = this.parseArguments(')');
        const closed = this.expectClose(openIndex);
        current = { kind: 'call', target: current, args, open: token.start, closed, start: current.start, end: this.previousEnd() };
      } else if (token.text === '[' || token.text === '?[') {
        const openIndex = this.index;
        const args = this.parseArguments(']');
        this.expectClose(openIndex);
        current = { kind: 'index', target: current, args, conditional: token.text === '?[', start: current.start, end: this.previousEnd() };
      } else if (token.text === '++' || token.text === '--') {
        this.advance();
        current = { kind: 'unary', operator: `${token.text} (postfix)`, operand: current, start: current.start, end: token.end };
      } else if (token.text === '::' && current.kind === 'name') {
        this.advance();
        current = this.memberAccess(current, false);
      } else {
        return current;
      }
    }
    return current;
  }

  private memberAccess(target: Expression, conditional: boolean): Expression {
    const name = this.peek();
    if (name.kind !== 'identifier' && !(name.kind === 'keyword' && PREDEFINED_TYPES.has(name.text))) {
      this.unexpected('a member name');
      const at = this.previousEnd();
      return { kind: 'member', target, name: '', nameStart: at, nameEnd: at, conditional, typeArgs: undefined, start: target.start, end: at };
    }
    this.advance();
    const typeArgs = this.at('<') ? this.tryTypeArgumentList() : undefined;
    return {
      kind: 'member',
      target,
      name: name.text,
      nameStart: name.start,
      nameEnd: name.end,
      conditional,
      typeArgs,
      start: target.start,
      end: this.previousEnd(),
    };
  }

  /** `<...>` after a name, when what follows makes it type arguments (otherwise it is a comparison). */
  private tryTypeArgumentList(): TypeSyntax[] | undefined {
    const saved = this.index;
    const args = this.readTypeArguments({ tokens: MAX_SPECULATION }, 0);
    const next = this.peek();
    if (
      args &&
      (next.kind === 'end' || next.kind === 'hole-end' || next.kind === 'hole-format' || (next.kind === 'punctuation' && AFTER_TYPE_ARGUMENTS.has(next.text)))
    )
      return args;
    this.index = saved;
    return undefined;
  }

  /** Arguments up to (not including) the closer: `name: out var x`, `ref y`, plain expressions. */
  private parseArguments(closer: string): Argument[] {
    this.advance();
    const args: Argument[] = [];
    if (this.at(closer)) return args;
    for (;;) {
      const before = this.index;
      args.push(this.parseArgument());
      if (!this.accept(',')) break;
      if (this.index === before || this.bailed) break;
    }
    return args;
  }

  private parseArgument(): Argument {
    const start = this.peek().start;
    let name: string | undefined;
    if (this.peek().kind === 'identifier' && this.at(':', 1)) {
      name = this.advance().text;
      this.advance();
    }
    let modifier: Argument['modifier'];
    if (this.at('out') || this.at('ref') || this.at('in')) modifier = this.advance().text as Argument['modifier'];
    let value: Expression | undefined;
    if (modifier === 'out') value = this.tryDeclarationExpression();
    value ??= this.parseExpression();
    return { kind: 'argument', name, modifier, value, start, end: value.end };
  }

  /** `out var x`, `out string x`, `out _`. */
  private tryDeclarationExpression(): Expression | undefined {
    const saved = this.index;
    const start = this.peek().start;
    const isVar = this.peek().kind === 'identifier' && this.peek().text === 'var' && this.peek(1).kind === 'identifier';
    if (isVar) this.advance();
    const type = isVar ? undefined : this.tryType(true);
    if ((isVar || type) && this.peek().kind === 'identifier') {
      const name = this.advance();
      return {
        kind: 'declaration-expression',
        type,
        variable: { kind: 'parameter', name: name.text, type, start: name.start, end: name.end },
        start,
        end: name.end,
      };
    }
    this.index = saved;
    return undefined;
  }

  private parsePrimary(): Expression {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.advance();
        return { kind: 'literal', type: numberType(token.text), start: token.start, end: token.end };
      case 'string':
        this.advance();
        return { kind: 'literal', type: 'string', start: token.start, end: token.end };
      case 'char':
        this.advance();
        return { kind: 'literal', type: 'char', start: token.start, end: token.end };
      case 'interpolation-start':
        return this.parseInterpolated();
      case 'identifier':
        return this.parseName();
      case 'keyword':
        return this.parseKeywordPrimary(token);
      case 'punctuation':
        if (token.text === '(') return this.parseParenthesized();
        break;
      default:
        break;
    }
    this.unexpected('an expression');
    const missing = this.missing();
    if (this.problem?.code === 'csharp-unexpected-token' && this.problem.start === token.start) {
      this.problem = { ...this.problem, code: 'csharp-expected-expression', message: `Expected an expression before ${this.describe(token)}.` };
    }
    return missing;
  }

  private parseName(): Expression {
    const token = this.peek();
    if (token.text === 'from' && this.peek(1).kind === 'identifier' && this.at('in', 2)) return this.parseQuery();
    if (token.text === 'nameof' && this.at('(', 1)) {
      this.advance();
      const openIndex = this.index;
      this.parseArguments(')');
      this.expectClose(openIndex);
      return { kind: 'literal', type: 'string', start: token.start, end: this.previousEnd() };
    }
    this.advance();
    const typeArgs = this.at('<') ? this.tryTypeArgumentList() : undefined;
    return { kind: 'name', name: token.text, typeArgs, start: token.start, end: this.previousEnd() };
  }

  private parseKeywordPrimary(token: Token): Expression {
    switch (token.text) {
      case 'true':
      case 'false':
        this.advance();
        return { kind: 'literal', type: 'bool', start: token.start, end: token.end };
      case 'null':
        this.advance();
        return { kind: 'literal', type: 'null', start: token.start, end: token.end };
      case 'this':
      case 'base':
        this.advance();
        return { kind: 'name', name: token.text, typeArgs: undefined, start: token.start, end: token.end };
      case 'new':
        return this.parseNew();
      case 'typeof':
      case 'sizeof':
      case 'default': {
        this.advance();
        if (token.text === 'default' && !this.at('(')) return { kind: 'default', type: undefined, start: token.start, end: token.end };
        const openIndex = this.index;
        if (!this.at('(')) {
          this.unexpected("'('");
          return { kind: token.text, type: undefined, start: token.start, end: token.end };
        }
        this.advance();
        const type = this.expectType();
        this.expectClose(openIndex);
        return { kind: token.text, type, start: token.start, end: this.previousEnd() };
      }
      case 'checked':
      case 'unchecked': {
        this.advance();
        if (!this.at('(')) {
          this.unexpected("'('");
          return this.missing();
        }
        const openIndex = this.index;
        this.advance();
        const inner = this.parseExpression();
        this.expectClose(openIndex);
        return { kind: 'parenthesized', inner, start: token.start, end: this.previousEnd() };
      }
      case 'delegate':
        return this.parseAnonymousMethod();
      case 'throw': {
        // C# 7 throw expressions: `x ?? throw new Exception()`.
        this.advance();
        const operand = this.parseExpression();
        return { kind: 'throw-expression', operand, start: token.start, end: operand.end };
      }
      default:
        if (PREDEFINED_TYPES.has(token.text)) {
          this.advance();
          return { kind: 'predefined', name: token.text, start: token.start, end: token.end };
        }
    }
    this.unexpected('an expression');
    return this.missing();
  }

  /** `delegate (string x) { ... }`: rare, read as a lambda. */
  private parseAnonymousMethod(): Expression {
    const start = this.advance().start;
    const parameters: Parameter[] = [];
    if (this.at('(')) {
      const openIndex = this.index;
      this.advance();
      while (!this.at(')') && !this.atEnd()) {
        const before = this.index;
        const type = this.tryType(true);
        const name = this.peek();
        if (name.kind === 'identifier') {
          this.advance();
          parameters.push({ kind: 'parameter', name: name.text, type, start: name.start, end: name.end });
        }
        if (!this.accept(',') || this.index === before) break;
      }
      this.expectClose(openIndex);
    }
    const body = this.parseBlock();
    return { kind: 'lambda', parameters, body, start, end: body.end };
  }

  /** `(x)`, or a tuple `(a, b)`. */
  private parseParenthesized(): Expression {
    const openIndex = this.index;
    const open = this.advance();
    const first = this.parseArgumentOrExpression();
    if (this.at(',')) {
      const items: Argument[] = [first];
      while (this.accept(',')) {
        const before = this.index;
        items.push(this.parseArgumentOrExpression());
        if (this.index === before) break;
      }
      this.expectClose(openIndex);
      return { kind: 'tuple', items, start: open.start, end: this.previousEnd() };
    }
    this.expectClose(openIndex);
    return { kind: 'parenthesized', inner: first.value, start: open.start, end: this.previousEnd() };
  }

  private parseArgumentOrExpression(): Argument {
    const start = this.peek().start;
    let name: string | undefined;
    if (this.peek().kind === 'identifier' && this.at(':', 1)) {
      name = this.advance().text;
      this.advance();
    }
    const value = this.parseExpression();
    return { kind: 'argument', name, modifier: undefined, value, start, end: value.end };
  }

  private parseInterpolated(): Expression {
    const start = this.advance().start;
    const holes: Expression[] = [];
    for (let guard = 0; guard < 100000 && !this.bailed; guard++) {
      const token = this.peek();
      if (token.kind === 'interpolation-end') {
        this.advance();
        return { kind: 'interpolated', holes, start, end: token.end };
      }
      if (token.kind === 'end') break;
      if (token.kind !== 'hole-start') {
        this.unexpected("'}'");
        this.advance();
        continue;
      }
      this.advance();
      if (this.peek().kind === 'hole-end') {
        this.unexpected('an expression');
      } else {
        holes.push(this.parseExpression());
        if (this.accept(',')) this.parseExpression();
      }
      if (this.peek().kind === 'hole-format') this.advance();
      if (this.peek().kind === 'hole-end') this.advance();
      else this.unexpected("'}' to end the interpolation hole");
      // Skip to the end of a broken hole so the string's remaining parts still parse.
      while (this.peek().kind !== 'hole-start' && this.peek().kind !== 'interpolation-end' && this.peek().kind !== 'end' && this.peek().kind !== 'hole-end')
        this.advance();
      if (this.peek().kind === 'hole-end') this.advance();
    }
    return { kind: 'interpolated', holes, start, end: this.previousEnd() };
  }

  private parseNew(): Expression {
    const start = this.advance().start;
    // `new { A = 1 }` (anonymous) and `new[] { ... }` (implicitly typed array).
    if (this.at('{')) {
      const initializer = this.parseInitializer();
      return { kind: 'new', type: undefined, args: undefined, initializer, start, end: initializer.end };
    }
    if (this.at('[')) {
      this.advance();
      while (this.accept(','));
      if (!this.accept(']')) this.unexpected("']'");
      const initializer = this.at('{') ? this.parseInitializer() : undefined;
      if (!initializer) this.unexpected("'{'");
      return { kind: 'new', type: undefined, args: undefined, initializer, start, end: this.previousEnd() };
    }
    const type = this.tryTypeWithoutArrays() ?? this.expectType(false);
    let args: Argument[] | undefined;
    let sized: TypeSyntax = type;
    if (this.at('[')) {
      // `new string[3]`, `new string[] { ... }`, `new int[2][]`.
      const openIndex = this.index;
      const sizes = this.parseArguments(']');
      this.expectClose(openIndex);
      const rest = this.typeSuffixes({ ...type, arrays: 0 }, false);
      sized = { ...type, arrays: 1 + rest.arrays, end: this.previousEnd() };
      args = sizes.length > 0 ? sizes : undefined;
    } else if (this.at('(')) {
      const openIndex = this.index;
      args = this.parseArguments(')');
      this.expectClose(openIndex);
    }
    const initializer = this.at('{') ? this.parseInitializer() : undefined;
    if (!args && !initializer && sized.arrays === 0 && type.parts.length > 0) this.unexpected("'(' or '{'");
    return { kind: 'new', type: sized, args, initializer, start, end: this.previousEnd() };
  }

  /** A type name after `new`, with its `?` but not its array part (which may carry sizes). */
  private tryTypeWithoutArrays(): TypeSyntax | undefined {
    const saved = this.index;
    const first = this.peek();
    if (first.kind !== 'identifier' && !(first.kind === 'keyword' && PREDEFINED_TYPES.has(first.text))) return undefined;
    const parts: NamePart[] = [{ name: first.text, start: first.start, end: first.end }];
    this.advance();
    while (this.at('.') && this.peek(1).kind === 'identifier') {
      this.advance();
      const part = this.advance();
      parts.push({ name: part.text, start: part.start, end: part.end });
    }
    let args: TypeSyntax[] = [];
    if (this.at('<')) {
      const typeArgs = this.readTypeArguments({ tokens: MAX_SPECULATION }, 0);
      if (!typeArgs) {
        this.index = saved;
        return undefined;
      }
      args = typeArgs;
    }
    const nullable = this.accept('?');
    return { kind: 'type', parts, args, nullable, arrays: 0, start: first.start, end: this.previousEnd() };
  }

  /** `{ a, b }`, `{ Name = x }`, `{ { k, v } }`, `{ ["k"] = v }`. */
  private parseInitializer(): Initializer {
    const openIndex = this.index;
    const start = this.advance().start;
    const items: Expression[] = [];
    while (!this.at('}') && !this.atEnd() && !this.bailed) {
      const before = this.index;
      if (this.at('{')) {
        items.push(this.parseInitializer());
      } else if (this.at('[')) {
        const bracketIndex = this.index;
        const bracket = this.peek();
        const args = this.parseArguments(']');
        this.expectClose(bracketIndex);
        const target: Expression = {
          kind: 'index',
          target: { kind: 'name', name: '', typeArgs: undefined, start: bracket.start, end: bracket.start },
          args,
          conditional: false,
          start: bracket.start,
          end: this.previousEnd(),
        };
        if (!this.accept('=')) this.unexpected("'='");
        const value = this.at('{') ? this.parseInitializer() : this.parseExpression();
        items.push({ kind: 'assignment', operator: '=', left: target, right: value, start: bracket.start, end: value.end });
      } else if (this.peek().kind === 'identifier' && this.at('=', 1) && this.at('{', 2)) {
        const name = this.advance();
        this.advance();
        const value = this.parseInitializer();
        items.push({
          kind: 'assignment',
          operator: '=',
          left: { kind: 'name', name: name.text, typeArgs: undefined, start: name.start, end: name.end },
          right: value,
          start: name.start,
          end: value.end,
        });
      } else {
        items.push(this.parseExpression());
      }
      if (!this.accept(',')) break;
      if (this.index === before) break;
    }
    this.expectClose(openIndex);
    return { kind: 'initializer', items, start, end: this.previousEnd() };
  }

  /** `from x in xs [where ...] [let y = ...] [orderby ...] select ... | group ... by ...`: read loosely, clause by clause. */
  private parseQuery(): Expression {
    const start = this.peek().start;
    const variables: Parameter[] = [];
    const clauses: Expression[] = [];
    const contextual = new Set(['from', 'where', 'select', 'let', 'orderby', 'group', 'by', 'into', 'join', 'on', 'equals', 'ascending', 'descending']);
    for (let guard = 0; guard < 1000 && !this.bailed; guard++) {
      const token = this.peek();
      if (token.kind === 'keyword' && token.text === 'in') {
        this.advance();
        continue;
      }
      if (token.kind !== 'identifier' || !contextual.has(token.text)) break;
      this.advance();
      if ((token.text === 'from' || token.text === 'join' || token.text === 'let' || token.text === 'into') && this.peek().kind === 'identifier') {
        const name = this.advance();
        variables.push({ kind: 'parameter', name: name.text, type: undefined, start: name.start, end: name.end });
        if (token.text === 'let') this.accept('=');
        if (token.text === 'into') continue;
      }
      if (token.text === 'ascending' || token.text === 'descending') continue;
      if (this.at('in')) this.advance();
      clauses.push(this.parseQueryOperand(contextual));
      if (token.text === 'select') break;
      this.accept(',');
    }
    return { kind: 'query', variables, clauses, start, end: this.previousEnd() };
  }

  /** An expression inside a query clause, which ends where the next contextual keyword starts. */
  private parseQueryOperand(contextual: ReadonlySet<string>): Expression {
    const token = this.peek();
    if (token.kind === 'identifier' && contextual.has(token.text) && token.text !== 'from') return this.missing();
    return this.parseConditional();
  }

  // ---- statements ---------------------------------------------------------------------------------

  private parseBlock(): Block {
    const openIndex = this.index;
    const start = this.peek().start;
    if (!this.accept('{')) {
      this.unexpected("'{'");
      return { kind: 'block', statements: [], start, end: start };
    }
    const statements: Statement[] = [];
    while (!this.at('}') && !this.atEnd() && !this.bailed) {
      const before = this.index;
      statements.push(this.parseStatement());
      if (this.index === before) {
        this.unexpected('a statement');
        this.advance();
      }
    }
    this.expectClose(openIndex);
    return { kind: 'block', statements, start, end: this.previousEnd() };
  }

  private parseStatement(): Statement {
    if (!this.enter()) return { kind: 'empty', start: this.peek().start, end: this.peek().start };
    try {
      return this.parseStatementInner();
    } finally {
      this.leave();
    }
  }

  private parseStatementInner(): Statement {
    const token = this.peek();
    const start = token.start;
    if (token.kind === 'punctuation') {
      if (token.text === '{') return this.parseBlock();
      if (token.text === ';') {
        this.advance();
        return { kind: 'empty', start, end: token.end };
      }
    }
    if (token.kind === 'keyword') {
      switch (token.text) {
        case 'if':
          return this.parseIf();
        case 'foreach':
          return this.parseForeach();
        case 'for':
          return this.parseFor();
        case 'while': {
          this.advance();
          const condition = this.parseParenthesizedCondition();
          const body = this.parseStatement();
          return { kind: 'while', condition, body, start, end: body.end };
        }
        case 'do': {
          this.advance();
          const body = this.parseStatement();
          if (!this.accept('while')) this.unexpected("'while'");
          const condition = this.parseParenthesizedCondition();
          this.expectSemicolon();
          return { kind: 'do', condition, body, start, end: this.previousEnd() };
        }
        case 'return':
        case 'throw': {
          this.advance();
          const value = this.at(';') ? undefined : this.parseExpression();
          this.expectSemicolon();
          return { kind: token.text, value, start, end: this.previousEnd() };
        }
        case 'break':
        case 'continue':
          this.advance();
          this.expectSemicolon();
          return { kind: 'jump', start, end: this.previousEnd() };
        case 'goto':
          this.advance();
          if (this.at('case')) this.advance();
          if (!this.at(';')) this.parseExpression();
          this.expectSemicolon();
          return { kind: 'jump', start, end: this.previousEnd() };
        case 'try':
          return this.parseTry();
        case 'switch':
          return this.parseSwitch();
        case 'const':
          this.advance();
          return this.parseLocalOrExpression(start);
        case 'checked':
        case 'unchecked':
          if (!this.at('{', 1)) break;
          this.advance();
          return this.parseBlock();
        case 'using':
        case 'lock':
          return this.parseResourceStatement();
        case 'else':
          this.unexpected("a statement ('else' without 'if')");
          this.advance();
          return this.parseStatement();
        default:
          break;
      }
    }
    return this.parseLocalOrExpression(start);
  }

  private expectSemicolon(): void {
    if (this.accept(';')) return;
    const previous = this.index > 0 ? this.tokens[this.index - 1] : this.peek();
    const token = this.peek();
    if (token.kind === 'punctuation' && (token.text === ')' || token.text === ']') && this.matches[this.index] === -1) {
      this.report('csharp-unbalanced-brackets', token.start, token.end, `This '${token.text}' closes nothing.`);
      return;
    }
    this.report('csharp-missing-semicolon', previous.start, previous.end, `Expected ';' after ${this.describe(previous)}.`);
  }

  private parseParenthesizedCondition(): Expression {
    if (!this.at('(')) {
      this.unexpected("'('");
      return this.parseExpression();
    }
    const openIndex = this.index;
    this.advance();
    const condition = this.parseExpression();
    this.expectClose(openIndex);
    return condition;
  }

  /** `using (var x = ...) statement` and `lock (x) statement`: the resource is read like a `for` initializer. */
  private parseResourceStatement(): Statement {
    const start = this.advance().start;
    const openIndex = this.index;
    const initializers: Statement[] = [];
    if (this.accept('(')) {
      initializers.push(this.parseLocalOrExpressionWithoutSemicolon(this.peek().start));
      this.expectClose(openIndex);
    } else {
      this.unexpected("'('");
    }
    const body = this.parseStatement();
    return { kind: 'for', initializers, condition: undefined, steps: [], body, start, end: body.end };
  }

  private parseIf(): Statement {
    const start = this.advance().start;
    const condition = this.parseParenthesizedCondition();
    const then = this.parseStatement();
    const otherwise = this.accept('else') ? this.parseStatement() : undefined;
    return { kind: 'if', condition, then, otherwise, start, end: this.previousEnd() };
  }

  private parseForeach(): Statement {
    const start = this.advance().start;
    const openIndex = this.index;
    if (!this.accept('(')) this.unexpected("'('");
    const isVar = this.peek().kind === 'identifier' && this.peek().text === 'var' && this.peek(1).kind === 'identifier';
    if (isVar) this.advance();
    const type = isVar ? undefined : this.tryType(true);
    if (!isVar && !type) this.unexpected('a type');
    const name = this.peek();
    let variable: Parameter = { kind: 'parameter', name: '', type, start: name.start, end: name.start };
    if (name.kind === 'identifier') {
      this.advance();
      variable = { kind: 'parameter', name: name.text, type, start: name.start, end: name.end };
    } else {
      this.unexpected('a variable name');
    }
    if (!this.accept('in')) this.unexpected("'in'");
    const collection = this.parseExpression();
    this.expectClose(openIndex);
    const body = this.parseStatement();
    return { kind: 'foreach', type, variable, collection, body, start, end: body.end };
  }

  private parseFor(): Statement {
    const start = this.advance().start;
    const openIndex = this.index;
    if (!this.accept('(')) this.unexpected("'('");
    const initializers: Statement[] = [];
    if (!this.at(';')) initializers.push(this.parseLocalOrExpressionWithoutSemicolon(this.peek().start));
    while (this.accept(',')) initializers.push(this.parseLocalOrExpressionWithoutSemicolon(this.peek().start));
    if (!this.accept(';')) this.unexpected("';'");
    const condition = this.at(';') ? undefined : this.parseExpression();
    if (!this.accept(';')) this.unexpected("';'");
    const steps: Expression[] = [];
    if (!this.at(')')) {
      do steps.push(this.parseExpression());
      while (this.accept(',') && !this.bailed);
    }
    this.expectClose(openIndex);
    const body = this.parseStatement();
    return { kind: 'for', initializers, condition, steps, body, start, end: body.end };
  }

  private parseTry(): Statement {
    const start = this.advance().start;
    const body = this.parseBlock();
    const catches: CatchClause[] = [];
    while (this.at('catch') && !this.bailed) {
      const catchStart = this.advance().start;
      let type: TypeSyntax | undefined;
      let variable: Parameter | undefined;
      if (this.at('(')) {
        const openIndex = this.index;
        this.advance();
        type = this.expectType();
        const name = this.peek();
        if (name.kind === 'identifier') {
          this.advance();
          variable = { kind: 'parameter', name: name.text, type, start: name.start, end: name.end };
        }
        this.expectClose(openIndex);
      }
      let filter: Expression | undefined;
      if (this.peek().kind === 'identifier' && this.peek().text === 'when') {
        this.advance();
        filter = this.parseParenthesizedCondition();
      }
      const catchBody = this.parseBlock();
      catches.push({ kind: 'catch', type, variable, filter, body: catchBody, start: catchStart, end: catchBody.end });
    }
    const final = this.accept('finally') ? this.parseBlock() : undefined;
    if (catches.length === 0 && !final) this.unexpected("'catch' or 'finally'");
    return { kind: 'try', body, catches, final, start, end: this.previousEnd() };
  }

  private parseSwitch(): Statement {
    const start = this.advance().start;
    const value = this.parseParenthesizedCondition();
    const sections: SwitchSection[] = [];
    const openIndex = this.index;
    if (!this.accept('{')) {
      this.unexpected("'{'");
      return { kind: 'switch', value, sections, start, end: this.previousEnd() };
    }
    while (!this.at('}') && !this.atEnd() && !this.bailed) {
      const sectionStart = this.peek().start;
      const labels: Expression[] = [];
      let labelled = false;
      while (this.at('case') || this.at('default')) {
        labelled = true;
        const label = this.advance();
        if (label.text === 'case') {
          const saved = this.index;
          const type = this.tryType(true);
          if (type && this.peek().kind === 'identifier') {
            this.advance();
          } else {
            this.index = saved;
            labels.push(this.parseConditional());
          }
          if (this.peek().kind === 'identifier' && this.peek().text === 'when') {
            this.advance();
            this.parseExpression();
          }
        }
        if (!this.accept(':')) this.unexpected("':'");
      }
      if (!labelled) this.unexpected("'case' or 'default'");
      const statements: Statement[] = [];
      while (!this.at('case') && !this.at('default') && !this.at('}') && !this.atEnd() && !this.bailed) {
        const before = this.index;
        statements.push(this.parseStatement());
        if (this.index === before) {
          this.unexpected('a statement');
          this.advance();
        }
      }
      sections.push({ kind: 'switch-section', labels, statements, start: sectionStart, end: this.previousEnd() });
      if (this.peek().start === sectionStart) break;
    }
    this.expectClose(openIndex);
    return { kind: 'switch', value, sections, start, end: this.previousEnd() };
  }

  private parseLocalOrExpression(start: number): Statement {
    const statement = this.parseLocalOrExpressionWithoutSemicolon(start);
    // A local function (`string F(int x) { ... }`) ends with its block.
    if (statement.kind === 'block') return statement;
    this.expectSemicolon();
    return { ...statement, end: this.previousEnd() };
  }

  /** A local declaration (`var x = ...`, `string a, b;`, `Dictionary<string, int> d = ...`) or an expression. */
  private parseLocalOrExpressionWithoutSemicolon(start: number): Statement {
    const declaration = this.tryLocalDeclaration(start);
    if (declaration) return declaration;
    const expression = this.parseExpression();
    return { kind: 'expression-statement', expression, start, end: expression.end };
  }

  private tryLocalDeclaration(start: number): Statement | undefined {
    const saved = this.index;
    const first = this.peek();
    const isVar = first.kind === 'identifier' && first.text === 'var' && this.peek(1).kind === 'identifier';
    if (isVar) this.advance();
    const type = isVar ? undefined : this.tryType(true);
    if (!isVar && !type) return undefined;
    const name = this.peek();
    if (
      name.kind !== 'identifier' ||
      !(this.at('=', 1) || this.at(';', 1) || this.at(',', 1) || this.at('(', 1) || this.peek(1).kind === 'end' || this.at('}', 1))
    ) {
      this.index = saved;
      return undefined;
    }
    if (this.at('(', 1)) return this.parseLocalFunction(start);
    const variables: VariableDeclarator[] = [];
    do {
      const variableName = this.peek();
      if (variableName.kind !== 'identifier') {
        this.unexpected('a variable name');
        break;
      }
      this.advance();
      const value = this.accept('=') ? (this.at('{') ? this.parseInitializer() : this.parseExpression()) : undefined;
      variables.push({
        kind: 'variable',
        name: variableName.text,
        nameStart: variableName.start,
        nameEnd: variableName.end,
        value,
        start: variableName.start,
        end: this.previousEnd(),
      });
    } while (this.accept(',') && !this.bailed);
    return { kind: 'local', type, variables, start, end: this.previousEnd() };
  }

  /** `string Describe(int code) { ... }` or `=> ...;`: read as a block so its statements are still checked. */
  private parseLocalFunction(start: number): Statement {
    this.advance();
    const openIndex = this.index;
    const close = this.matches[openIndex];
    if (close === -1) {
      this.expectClose(openIndex);
      return { kind: 'empty', start, end: this.previousEnd() };
    }
    this.index = close + 1;
    if (this.accept('=>')) {
      const expression = this.parseExpression();
      this.expectSemicolon();
      return {
        kind: 'block',
        statements: [{ kind: 'expression-statement', expression, start: expression.start, end: expression.end }],
        start,
        end: this.previousEnd(),
      };
    }
    const body = this.parseBlock();
    return { ...body, start };
  }
}

function numberType(text: string): LiteralType {
  const lower = text.toLowerCase();
  const hex = lower.startsWith('0x');
  if (lower.endsWith('ul') || lower.endsWith('lu')) return 'ulong';
  if (lower.endsWith('l')) return 'long';
  if (lower.endsWith('u')) return 'uint';
  if (lower.endsWith('m')) return 'decimal';
  if (!hex && lower.endsWith('f')) return 'float';
  if (!hex && (lower.endsWith('d') || lower.includes('.') || lower.includes('e'))) return 'double';
  return 'int';
}

/** Whether any path of the block has a `return` (or `throw`): without one, `@{ }` cannot produce a value. */
function returnsSomewhere(statements: readonly Statement[]): boolean {
  const pending: Statement[] = [...statements];
  while (pending.length > 0) {
    const statement = pending.pop() as Statement;
    switch (statement.kind) {
      case 'return':
      case 'throw':
        return true;
      case 'block':
        pending.push(...statement.statements);
        break;
      case 'if':
        pending.push(statement.then);
        if (statement.otherwise) pending.push(statement.otherwise);
        break;
      case 'foreach':
      case 'for':
      case 'while':
      case 'do':
        pending.push(statement.body);
        break;
      case 'try':
        pending.push(statement.body, ...statement.catches.map((clause) => clause.body));
        if (statement.final) pending.push(statement.final);
        break;
      case 'switch':
        for (const section of statement.sections) pending.push(...section.statements);
        break;
      default:
        break;
    }
  }
  return false;
}

/** Parses the decoded code of one policy expression. Never throws. */
export function parseCSharp(code: string, form: 'single' | 'multi'): CSharpSyntax {
  const { tokens, problems } = lexCSharp(code);
  const parser = new Parser(tokens);
  const root = form === 'single' ? parser.parseSingle() : parser.parseMulti();
  const stop = parser.truncatedAt;
  const truncated = stop && { ...stop, depth: MAX_CSHARP_DEPTH };
  let problem: ParseProblem | undefined = problems[0] ?? parser.firstProblem;
  if (truncated) return { form, root, problem, truncated, tokens };
  if (!problem && form === 'single' && root.kind === 'missing') {
    problem = { code: 'csharp-expected-expression', start: 0, end: 0, message: 'The expression is empty.' };
  }
  if (!problem && root.kind === 'block' && !returnsSomewhere(root.statements)) {
    problem = { code: 'csharp-missing-return', start: 0, end: 0, message: 'A multi-statement expression @{ } must return a value: add a return statement.' };
  }
  return { form, root, problem, truncated, tokens };
}
