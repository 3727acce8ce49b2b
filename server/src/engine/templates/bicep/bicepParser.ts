import type { Finding } from '../../findings/finding';
import { SyntaxErrorReporter } from '../../findings/syntaxErrorReporter';
import type { Span } from '../../text/span';
import { lexBicep } from './bicepLexer';
import type {
  BicepArray,
  BicepFileKind,
  BicepUsingDeclaration,
  BicepBinaryOperator,
  BicepDeclaration,
  BicepDecorator,
  BicepExpression,
  BicepFile,
  BicepFor,
  BicepFunctionParameter,
  BicepIdentifier,
  BicepIf,
  BicepImportDeclaration,
  BicepImportedSymbol,
  BicepInterpolation,
  BicepObject,
  BicepObjectMember,
  BicepResourceDeclaration,
  BicepSpread,
  BicepString,
  BicepStringSegment,
  BicepType,
  BicepTypeProperty,
} from './bicepSyntax';
import type { BicepSyntaxCode } from './bicepSyntaxFindings';
import type { BicepToken, BicepTokenKind } from './bicepTokens';

/** Deepest nesting of expressions and types the parser builds; deeper input is skipped with a finding. */
export const MAX_BICEP_DEPTH = 256;

export interface BicepParseResult {
  readonly file: BicepFile;
  readonly findings: readonly Finding[];
}

const BINARY_PRECEDENCE: ReadonlyMap<BicepTokenKind, number> = new Map<BicepTokenKind, number>([
  ['??', 1],
  ['||', 2],
  ['&&', 3],
  ['==', 4],
  ['!=', 4],
  ['=~', 4],
  ['!~', 4],
  ['<', 5],
  ['<=', 5],
  ['>', 5],
  ['>=', 5],
  ['+', 6],
  ['-', 6],
  ['*', 7],
  ['/', 7],
  ['%', 7],
]);

/** Operators that may continue an expression on the next line (a leading `-` starts a new array item instead). */
const LINE_CONTINUATIONS: ReadonlySet<BicepTokenKind> = new Set<BicepTokenKind>([
  '?',
  '??',
  '||',
  '&&',
  '==',
  '!=',
  '=~',
  '!~',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '*',
  '/',
  '%',
]);

/** Keywords that start a top-level declaration of a template (`resource` also appears nested inside resource bodies). */
const TEMPLATE_KEYWORDS: ReadonlySet<string> = new Set([
  'targetScope',
  'metadata',
  'param',
  'var',
  'resource',
  'module',
  'output',
  'type',
  'func',
  'import',
  'extension',
  'provider',
  'assert',
  'test',
]);

/** Keywords that start a declaration of a parameters file (`.bicepparam`). */
const PARAMETERS_KEYWORDS: ReadonlySet<string> = new Set(['using', 'extends', 'param', 'var', 'type', 'import', 'extension', 'extensionConfig']);

export interface BicepParseOptions {
  /** `parameters` for a `.bicepparam` file; a template by default. */
  readonly fileKind?: BicepFileKind;
}

const OPENERS: ReadonlySet<BicepTokenKind> = new Set<BicepTokenKind>(['{', '[', '(', 'string-left']);
const CLOSERS: ReadonlySet<BicepTokenKind> = new Set<BicepTokenKind>(['}', ']', ')', 'string-right']);

function isStringStart(kind: BicepTokenKind): boolean {
  return kind === 'string-complete' || kind === 'string-left' || kind === 'multiline-string';
}

/**
 * Parses Bicep source into a tree with exact spans. Never throws: every problem becomes a syntax
 * finding and parsing resumes at the next line, member or item. Recursion is bounded by
 * MAX_BICEP_DEPTH; deeper input (for example a million `[`) is skipped iteratively.
 */
export function parseBicep(text: string, options: BicepParseOptions = {}): BicepParseResult {
  const fileKind = options.fileKind ?? 'template';
  const lexed = lexBicep(text);
  const parser = new BicepParser(text, lexed.tokens, fileKind === 'parameters' ? PARAMETERS_KEYWORDS : TEMPLATE_KEYWORDS);
  const declarations = parser.parseFile();
  const file: BicepFile = { kind: 'file', fileKind, span: { start: 0, end: text.length }, declarations, comments: lexed.comments };
  // Lexer and parser report different codes, so each caps its own.
  const findings = [...lexed.findings, ...parser.syntax.close()].sort((a, b) => a.span.start - b.span.start);
  return { file, findings };
}

class BicepParser {
  readonly syntax = new SyntaxErrorReporter<BicepSyntaxCode>();
  private index = 0;
  private depth = 0;
  /** End of the last consumed token that is not a newline: where half-typed nodes end. */
  private lastEnd = 0;
  private reportedTooDeep = false;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly BicepToken[],
    private readonly keywords: ReadonlySet<string>,
  ) {}

  // ---- token helpers ----

  private get current(): BicepToken {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)];
  }

  private peek(ahead: number): BicepToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  private at(kind: BicepTokenKind): boolean {
    return this.current.kind === kind;
  }

  private atWord(word: string): boolean {
    return this.isWord(this.current, word);
  }

  private isWord(token: BicepToken, word: string): boolean {
    return token.kind === 'identifier' && token.end - token.start === word.length && this.text.startsWith(word, token.start);
  }

  private tokenText(token: BicepToken): string {
    return this.text.slice(token.start, token.end);
  }

  private advance(): BicepToken {
    const token = this.current;
    if (token.kind !== 'eof') {
      this.index++;
      if (token.kind !== 'newline') this.lastEnd = token.end;
    }
    return token;
  }

  private skipNewlines(): void {
    while (this.at('newline')) this.advance();
  }

  /** The first token at or after `ahead` tokens from the current one that is not a newline. */
  private peekPastNewlines(ahead = 0): BicepToken {
    let offset = ahead;
    while (this.peek(offset).kind === 'newline') offset++;
    return this.peek(offset);
  }

  private atLineEnd(): boolean {
    return this.at('newline') || this.at('eof');
  }

  private report(code: BicepSyntaxCode, message: string, start: number, end: number): void {
    this.syntax.report(code, message, start, end);
  }

  /** Reports that `what` was expected at the current token (or just after the last one at a line end). */
  private expected(what: string): void {
    const token = this.current;
    if (token.kind === 'newline' || token.kind === 'eof') {
      this.report('bicep-unexpected-token', `Expected ${what}.`, this.lastEnd, this.lastEnd);
    } else {
      this.report('bicep-unexpected-token', `Expected ${what} but found '${this.tokenText(token)}'.`, token.start, token.end);
    }
  }

  private expect(kind: BicepTokenKind, what: string): boolean {
    if (this.at(kind)) {
      this.advance();
      return true;
    }
    this.expected(what);
    return false;
  }

  private identifier(token: BicepToken): BicepIdentifier {
    return { name: this.tokenText(token), span: { start: token.start, end: token.end } };
  }

  private parseName(what: string): BicepIdentifier | undefined {
    if (this.at('identifier')) return this.identifier(this.advance());
    this.expected(what);
    return undefined;
  }

  /**
   * Skips tokens until a newline, a `,`, or a closer at bracket balance zero, or the end; brackets and
   * interpolated strings opened on the way are skipped whole. Always iterative.
   */
  private skipBalanced(stopAtComma: boolean): void {
    let balance = 0;
    for (;;) {
      const kind = this.current.kind;
      if (kind === 'eof') return;
      if (balance === 0 && (kind === 'newline' || (stopAtComma && kind === ',') || CLOSERS.has(kind))) return;
      if (OPENERS.has(kind)) balance++;
      else if (CLOSERS.has(kind)) balance--;
      this.advance();
    }
  }

  /** Recovery inside a container: reports the stray token and skips to the next separator. */
  private recoverInContainer(what: string): void {
    this.expected(what);
    const before = this.index;
    this.skipBalanced(true);
    // A closer of another container can't be ours to keep; drop it so the loop makes progress.
    if (this.index === before && !this.atLineEnd() && !this.at(',')) this.advance();
  }

  /** True when a top-level declaration starts here (used to stop an unclosed object or array early). */
  private atDeclarationStart(allowNestedResource: boolean): boolean {
    const token = this.current;
    if (token.kind !== 'identifier') return false;
    const word = this.tokenText(token);
    if (!this.keywords.has(word) || (allowNestedResource && word === 'resource')) return false;
    const next = this.peek(1);
    if (word === 'targetScope') return next.kind === '=';
    if (next.kind === 'identifier') return true;
    if (word === 'import') return next.kind === '{' || next.kind === '*' || isStringStart(next.kind);
    return (word === 'extension' || word === 'using' || word === 'extends') && isStringStart(next.kind);
  }

  /** Runs `check` at the first token after the decorator lines starting here, then rewinds. */
  private lookPastDecorators(check: () => boolean): boolean {
    const saved = this.index;
    const savedEnd = this.lastEnd;
    while (this.at('@')) {
      this.advance();
      this.skipBalanced(false);
      this.skipNewlines();
    }
    const result = check();
    this.index = saved;
    this.lastEnd = savedEnd;
    return result;
  }

  /** Whether a top-level declaration follows the decorator lines starting at the current `@`. */
  private declarationFollowsDecorators(allowNestedResource: boolean): boolean {
    return this.lookPastDecorators(() => this.atDeclarationStart(allowNestedResource));
  }

  /** After `=>` the body may start on the next line, unless a declaration starts there (the body is missing). */
  private skipNewlinesBeforeBody(): void {
    if (this.at('newline') && !this.isDeclarationKeyword(this.peekPastNewlines())) this.skipNewlines();
  }

  private isDeclarationKeyword(token: BicepToken): boolean {
    return token.kind === 'identifier' && this.keywords.has(this.tokenText(token));
  }

  private atNestedResource(): boolean {
    return this.atWord('resource') && this.peek(1).kind === 'identifier';
  }

  /**
   * Skips the newlines (and commas) between items. Returns where they began, so a container that stops
   * at the next declaration can hand the line break back to the enclosing construct.
   */
  private skipSeparators(commas: boolean): number {
    const before = this.index;
    while (this.at('newline') || (commas && this.at(','))) this.advance();
    return before;
  }

  /** True when an unclosed container should stop here: the end, or the start of a top-level declaration. */
  private atContainerExit(allowNestedResource: boolean): boolean {
    return this.at('eof') || this.atDeclarationStart(allowNestedResource) || (this.at('@') && this.declarationFollowsDecorators(allowNestedResource));
  }

  /** Enters one nesting level; past the limit, skips the construct here and returns false. */
  private enter(): boolean {
    if (this.depth < MAX_BICEP_DEPTH) {
      this.depth++;
      return true;
    }
    this.skipTooDeep();
    return false;
  }

  private leave(): void {
    this.depth--;
  }

  private skipTooDeep(): void {
    const start = this.current.start;
    if (!this.reportedTooDeep) {
      this.reportedTooDeep = true;
      this.report('bicep-nesting-too-deep', `Nesting deeper than ${MAX_BICEP_DEPTH} levels is not analysed.`, start, this.current.end);
    }
    const before = this.index;
    this.skipBalanced(true);
    if (this.index === before && !this.atLineEnd() && !this.at(',') && !CLOSERS.has(this.current.kind)) this.advance();
  }

  // ---- file and declarations ----

  parseFile(): BicepDeclaration[] {
    const declarations: BicepDeclaration[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.at('eof')) return declarations;
      const before = this.index;
      const declaration = this.parseDeclaration();
      if (declaration !== undefined) declarations.push(declaration);
      if (!this.atLineEnd()) {
        const token = this.current;
        this.report(
          'bicep-unexpected-token',
          `Unexpected '${this.tokenText(token)}': each declaration must end at the end of its line.`,
          token.start,
          token.end,
        );
        this.skipBalanced(false);
        // A stray closer at the top level has nothing to close: step over it.
        if (!this.atLineEnd()) this.advance();
      }
      if (this.index === before) this.advance();
    }
  }

  private parseDecorators(): BicepDecorator[] {
    const decorators: BicepDecorator[] = [];
    while (this.at('@')) {
      const at = this.advance();
      const expression = this.parsePostfixExpression();
      decorators.push({ span: { start: at.start, end: this.lastEnd }, expression });
      if (!this.atLineEnd()) this.skipBalanced(false);
      this.skipNewlines();
    }
    return decorators;
  }

  /** Parses one declaration (with its decorators) at the current token; undefined when none starts here. */
  private parseDeclaration(): BicepDeclaration | undefined {
    const start = this.current.start;
    const decorators = this.parseDecorators();
    const keyword = this.current;
    const word = keyword.kind === 'identifier' ? this.tokenText(keyword) : '';
    if (!this.keywords.has(word)) {
      this.expected(
        this.keywords === PARAMETERS_KEYWORDS ? 'a declaration (using, param, var, ...)' : 'a declaration (param, var, resource, module, output, ...)',
      );
      this.skipBalanced(false);
      return undefined;
    }
    this.advance();
    const keywordSpan: Span = { start: keyword.start, end: keyword.end };
    const base = { decorators, keywordSpan };
    const finish = (): Span => ({ start, end: this.lastEnd });
    switch (word) {
      case 'targetScope': {
        const value = this.parseAssignedValue();
        return { kind: 'targetScope', ...base, value, span: finish() };
      }
      case 'metadata':
      case 'assert': {
        const name = this.parseName('a name');
        const value = this.parseAssignedValue();
        return { kind: word, ...base, name, value, span: finish() };
      }
      case 'param': {
        const name = this.parseName('a parameter name');
        if (this.keywords === PARAMETERS_KEYWORDS) {
          // A parameters file assigns values; the types are the template's.
          return { kind: 'param', ...base, name, type: undefined, defaultValue: this.parseAssignedValue(), span: finish() };
        }
        const type = this.atTypeStart() ? this.parseType() : undefined;
        if (type === undefined && !this.at('=')) this.expected('a parameter type');
        const defaultValue = this.at('=') ? this.parseAssignedValue() : undefined;
        return { kind: 'param', ...base, name, type, defaultValue, span: finish() };
      }
      case 'var': {
        const name = this.parseName('a variable name');
        const type = this.atTypeStart() ? this.parseType() : undefined;
        const value = this.parseAssignedValue();
        return { kind: 'var', ...base, name, type, value, span: finish() };
      }
      case 'output': {
        const name = this.parseName('an output name');
        const type = this.atTypeStart() ? this.parseType() : undefined;
        if (type === undefined) this.expected('an output type');
        const value = this.parseAssignedValue();
        return { kind: 'output', ...base, name, type, value, span: finish() };
      }
      case 'type': {
        const name = this.parseName('a type name');
        const value = this.expect('=', "'='") ? this.parseType() : undefined;
        return { kind: 'type', ...base, name, value, span: finish() };
      }
      case 'resource':
        return this.parseResourceRest(start, base);
      case 'module':
      case 'test': {
        const name = this.parseName(word === 'module' ? 'a module name' : 'a test name');
        const path = this.parseOptionalString(word === 'module' ? 'the module path' : 'the path of the file tested');
        const value = this.parseBodyValue();
        return { kind: word, ...base, name, path, value, span: finish() };
      }
      case 'func':
        return this.parseFunctionRest(start, base);
      case 'using':
      case 'extends':
        return this.parseUsingRest(start, word, base);
      default:
        return this.parseImportRest(start, word === 'extension' || word === 'provider' || word === 'extensionConfig' ? word : 'import', base);
    }
  }

  private parseResourceRest(start: number, base: { decorators: BicepDecorator[]; keywordSpan: Span }): BicepResourceDeclaration {
    const name = this.parseName('a resource symbolic name');
    const typeString = this.parseOptionalString("the resource type, such as 'Microsoft.ApiManagement/service@2023-05-01-preview'");
    let existingSpan: Span | undefined;
    if (this.atWord('existing')) {
      const token = this.advance();
      existingSpan = { start: token.start, end: token.end };
    }
    const value = this.parseBodyValue();
    return { kind: 'resource', ...base, name, typeString, existing: existingSpan !== undefined, existingSpan, value, span: { start, end: this.lastEnd } };
  }

  /** `using 'main.bicep'`, `using 'main.bicep' with {...}`, `using none`, `extends 'base.bicepparam'`. */
  private parseUsingRest(start: number, keyword: 'using' | 'extends', base: { decorators: BicepDecorator[]; keywordSpan: Span }): BicepUsingDeclaration {
    let path: BicepString | undefined;
    let none = false;
    if (keyword === 'using' && this.atWord('none')) {
      this.advance();
      none = true;
    } else {
      path = this.parseOptionalString(keyword === 'using' ? "the template's path, such as './main.bicep'" : "the base parameters file's path");
    }
    let config: BicepExpression | undefined;
    if (keyword === 'using' && this.atWord('with')) {
      this.advance();
      config = this.at('{') ? this.parseObject() : undefined;
      if (config === undefined) this.expected("'{'");
    }
    return { kind: 'using', ...base, keyword, path, none, config, span: { start, end: this.lastEnd } };
  }

  private parseFunctionRest(start: number, base: { decorators: BicepDecorator[]; keywordSpan: Span }): BicepDeclaration {
    const name = this.parseName('a function name');
    const parameters: BicepFunctionParameter[] = [];
    if (this.expect('(', "'('")) {
      for (;;) {
        this.skipNewlines();
        if (this.at(')') || this.at('eof')) break;
        if (this.at('identifier')) {
          const parameterName = this.identifier(this.advance());
          const type = this.at(',') || this.at(')') ? undefined : this.parseType();
          parameters.push({ name: parameterName, type, span: { start: parameterName.span.start, end: this.lastEnd } });
        } else {
          this.recoverInContainer('a parameter name');
        }
        this.skipNewlines();
        if (this.at(',')) this.advance();
        else if (!this.at(')')) break;
      }
      this.expect(')', "')'");
    }
    const returnType = this.at('=>') || this.atLineEnd() ? undefined : this.parseType();
    let body: BicepExpression | undefined;
    if (this.expect('=>', "'=>'")) {
      this.skipNewlinesBeforeBody();
      body = this.parseExpression();
    }
    return { kind: 'func', ...base, name, parameters, returnType, body, span: { start, end: this.lastEnd } };
  }

  private parseImportRest(
    start: number,
    keyword: BicepImportDeclaration['keyword'],
    base: { decorators: BicepDecorator[]; keywordSpan: Span },
  ): BicepImportDeclaration {
    const symbols: BicepImportedSymbol[] = [];
    let wildcardAlias: BicepIdentifier | undefined;
    let source: BicepString | undefined;
    if (keyword === 'import' && this.at('{')) {
      this.advance();
      for (;;) {
        this.skipNewlines();
        if (this.at('}') || this.at('eof')) break;
        if (this.at('identifier') || isStringStart(this.current.kind)) {
          const nameToken = this.advance();
          const name = this.identifier(nameToken);
          let alias: BicepIdentifier | undefined;
          if (this.atWord('as')) {
            this.advance();
            alias = this.parseName('an alias');
          }
          symbols.push({ name, alias, span: { start: nameToken.start, end: this.lastEnd } });
        } else {
          this.recoverInContainer('an imported name');
        }
        // Items are separated by commas or line breaks.
        if (this.at(',') || this.at('newline')) this.skipSeparators(true);
        else if (!this.at('}')) break;
      }
      this.expect('}', "'}'");
    } else if (keyword === 'import' && this.at('*')) {
      this.advance();
      if (this.atWord('as')) {
        this.advance();
        wildcardAlias = this.parseName('an alias');
      } else {
        this.expected("'as'");
      }
    }
    if (this.atWord('from')) this.advance();
    if (isStringStart(this.current.kind)) source = this.parseString();
    // The remainder (`with {...}`, `as alias`, an extension name) is kept only as part of the span.
    this.skipBalanced(false);
    return { kind: 'import', ...base, keyword, symbols, wildcardAlias, source, span: { start, end: this.lastEnd } };
  }

  private parseOptionalString(what: string): BicepString | undefined {
    if (isStringStart(this.current.kind)) return this.parseString();
    this.expected(what);
    return undefined;
  }

  /** `= expression`, reporting a missing `=` or value. */
  private parseAssignedValue(): BicepExpression | undefined {
    if (!this.expect('=', "'='")) return undefined;
    return this.parseExpression();
  }

  /** The `= body` of a resource, module or test, where `if (...)` may start on the line after the `=`. */
  private parseBodyValue(): BicepExpression | undefined {
    if (!this.expect('=', "'='")) return undefined;
    if (this.at('newline') && this.isWord(this.peekPastNewlines(), 'if')) this.skipNewlines();
    return this.parseExpression();
  }

  /** Whether a declared type follows: anything on the line but `=`, or a union whose first member starts the next line with `|`. */
  private atTypeStart(): boolean {
    if (this.at('newline')) return this.peek(1).kind === '|';
    return !this.at('=') && !this.at('eof');
  }

  // ---- expressions ----

  private missingExpression(): BicepExpression {
    const token = this.current;
    if (token.kind === 'newline' || token.kind === 'eof' || CLOSERS.has(token.kind) || token.kind === ',') {
      this.report('bicep-missing-expression', 'Expected a value.', this.lastEnd, this.lastEnd);
      return { kind: 'error', span: { start: this.lastEnd, end: this.lastEnd } };
    }
    this.report('bicep-missing-expression', `Expected a value but found '${this.tokenText(token)}'.`, token.start, token.end);
    return { kind: 'error', span: { start: token.start, end: token.start } };
  }

  private parseExpression(): BicepExpression {
    const start = this.current.start;
    if (!this.enter()) return { kind: 'error', span: { start, end: Math.max(start, this.lastEnd) } };
    const result = this.parseTernary();
    this.leave();
    return result;
  }

  private parseTernary(): BicepExpression {
    const condition = this.parseBinaryTail(this.parseUnary(), 1, 0);
    if (!this.at('?') && !(this.at('newline') && this.peekPastNewlines().kind === '?')) return condition;
    this.skipNewlines();
    this.advance();
    const whenTrue = this.parseExpression();
    let whenFalse: BicepExpression | undefined;
    if (this.at(':') || (this.at('newline') && this.peekPastNewlines().kind === ':')) {
      this.skipNewlines();
      this.advance();
      whenFalse = this.parseExpression();
    } else {
      this.expected("':'");
    }
    return { kind: 'ternary', condition, whenTrue, whenFalse, span: { start: condition.span.start, end: this.lastEnd } };
  }

  /**
   * Precedence climbing over a left operand. Chains such as `a + b + c ...` build a left-deep tree,
   * so their length (with the folds of enclosing chains) counts toward the depth limit.
   */
  private parseBinaryTail(leftOperand: BicepExpression, minPrecedence: number, outerFolds: number): BicepExpression {
    let left = leftOperand;
    let folds = outerFolds;
    for (;;) {
      if (this.at('newline')) {
        const next = this.peekPastNewlines().kind;
        if (!LINE_CONTINUATIONS.has(next)) return left;
        const nextPrecedence = BINARY_PRECEDENCE.get(next);
        if (nextPrecedence === undefined || nextPrecedence < minPrecedence) return left;
        this.skipNewlines();
      }
      const operatorToken = this.current;
      const precedence = BINARY_PRECEDENCE.get(operatorToken.kind);
      if (precedence === undefined || precedence < minPrecedence) return left;
      folds++;
      if (this.depth + folds >= MAX_BICEP_DEPTH) {
        this.skipTooDeep();
        return left;
      }
      this.advance();
      if (this.at('newline')) this.skipNewlines();
      const right = this.atLineEnd() ? this.missingExpression() : this.parseBinaryTail(this.parseUnary(), precedence + 1, folds);
      left = {
        kind: 'binary',
        operator: operatorToken.kind as BicepBinaryOperator,
        operatorSpan: { start: operatorToken.start, end: operatorToken.end },
        left,
        right: right.kind === 'error' ? undefined : right,
        span: { start: left.span.start, end: this.lastEnd },
      };
    }
  }

  private parseUnary(): BicepExpression {
    if (this.at('!') || this.at('-') || this.at('+')) {
      const operator = this.advance();
      const start = operator.start;
      if (!this.enter()) return { kind: 'error', span: { start, end: this.lastEnd } };
      // `-5` stays a number literal so values and types read naturally.
      if (operator.kind === '-' && this.at('number') && this.current.start === operator.end) {
        const number = this.advance();
        this.leave();
        return this.parsePostfix({ kind: 'number', value: -Number(this.tokenText(number)), span: { start, end: number.end } });
      }
      const operand = this.atLineEnd() ? undefined : this.parseUnary();
      this.leave();
      if (operand === undefined) this.report('bicep-missing-expression', 'Expected a value.', operator.end, operator.end);
      return { kind: 'unary', operator: operator.kind === '!' || operator.kind === '+' ? operator.kind : '-', operand, span: { start, end: this.lastEnd } };
    }
    return this.parsePostfixExpression();
  }

  private parsePostfixExpression(): BicepExpression {
    return this.parsePostfix(this.parsePrimary());
  }

  /** Member access, index access, calls on members and `!` assertions; chain length counts toward the depth limit. */
  private parsePostfix(primary: BicepExpression): BicepExpression {
    let expression = primary;
    let folds = 0;
    for (;;) {
      const token = this.current;
      const isPostfix =
        token.kind === '.' || token.kind === '.?' || token.kind === '::' || token.kind === '[' || (token.kind === '!' && token.start === this.lastEnd);
      if (!isPostfix || expression.kind === 'error') return expression;
      folds++;
      if (this.depth + folds >= MAX_BICEP_DEPTH) {
        this.skipTooDeep();
        return expression;
      }
      const start = expression.span.start;
      this.advance();
      if (token.kind === '!') {
        expression = { kind: 'non-null', expression, span: { start, end: token.end } };
      } else if (token.kind === '[') {
        const safe = this.at('?');
        if (safe) this.advance();
        const fromEnd = this.at('^');
        if (fromEnd) this.advance();
        this.skipNewlines();
        const index = this.at(']') ? this.missingExpression() : this.parseExpression();
        this.skipNewlines();
        const closed = this.at(']');
        if (closed) this.advance();
        else this.expected("']'");
        expression = {
          kind: 'index-access',
          base: expression,
          safe,
          fromEnd,
          index: index.kind === 'error' ? undefined : index,
          closed,
          span: { start, end: this.lastEnd },
        };
      } else if (this.at('identifier')) {
        const name = this.identifier(this.advance());
        expression =
          this.at('(') && token.kind === '.'
            ? this.parseCallRest(expression, name, start)
            : { kind: 'property-access', base: expression, operator: token.kind as '.' | '.?' | '::', name, span: { start, end: this.lastEnd } };
      } else {
        this.expected('a property name');
        expression = {
          kind: 'property-access',
          base: expression,
          operator: token.kind as '.' | '.?' | '::',
          name: undefined,
          span: { start, end: this.lastEnd },
        };
      }
    }
  }

  private parseCallRest(base: BicepExpression | undefined, name: BicepIdentifier, start: number): BicepExpression {
    this.advance(); // (
    const args: BicepExpression[] = [];
    if (!this.enter()) return { kind: 'call', base, name, args, closed: false, span: { start, end: this.lastEnd } };
    let closed = false;
    for (;;) {
      const lineStart = this.skipSeparators(false);
      if (this.at(')')) {
        this.advance();
        closed = true;
        break;
      }
      if (this.at('}') || this.at(']')) break;
      if (this.atContainerExit(false)) {
        this.index = lineStart;
        break;
      }
      const before = this.index;
      if (this.at(',')) this.report('bicep-missing-expression', 'Expected an argument.', this.current.start, this.current.start);
      else args.push(this.parseExpression());
      this.skipNewlines();
      if (this.at(',')) this.advance();
      else if (!this.at(')') && !this.at('eof') && !this.at('}') && !this.at(']')) this.recoverInContainer("',' or ')'");
      if (this.index === before) this.advance();
    }
    this.leave();
    if (!closed) this.report('bicep-unclosed-bracket', "The argument list is not closed with ')'.", name.span.end, name.span.end + 1);
    return { kind: 'call', base, name, args, closed, span: { start, end: this.lastEnd } };
  }

  private parsePrimary(): BicepExpression {
    const token = this.current;
    switch (token.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', value: Number(this.tokenText(token)), span: { start: token.start, end: token.end } };
      case 'string-complete':
      case 'string-left':
      case 'multiline-string':
        return this.parseString();
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArrayOrFor();
      case '(':
        return this.isLambdaAhead() ? this.parseLambda() : this.parseParenthesized();
      case 'identifier':
        return this.parseWord();
      default:
        return this.missingExpression();
    }
  }

  private parseWord(): BicepExpression {
    const token = this.advance();
    const span = { start: token.start, end: token.end };
    const word = this.tokenText(token);
    if (this.at('=>')) return this.parseLambdaBody([{ name: word, span }], token.start);
    if (this.at('(')) {
      if (word === 'if') return this.parseIf(token.start);
      return this.parseCallRest(undefined, { name: word, span }, token.start);
    }
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', span };
    if (word === 'null') return { kind: 'null', span };
    return { kind: 'reference', name: word, span };
  }

  private parseIf(start: number): BicepIf {
    this.advance(); // (
    this.skipNewlines();
    const condition = this.at(')') ? undefined : this.parseExpression();
    this.skipNewlines();
    if (!this.expect(')', "')'")) this.skipBalanced(false);
    const body = this.atLineEnd() ? undefined : this.parseExpression();
    if (body === undefined) this.expected('a body');
    return { kind: 'if', condition, body, span: { start, end: this.lastEnd } };
  }

  /** `(` starts a lambda when it holds only names and is followed by `=>`. */
  private isLambdaAhead(): boolean {
    let ahead = 1;
    let expectName = true;
    for (;;) {
      const token = this.peek(ahead);
      if (token.kind === 'newline') {
        ahead++;
        continue;
      }
      if (token.kind === ')') return this.peek(ahead + 1).kind === '=>';
      if (expectName ? token.kind !== 'identifier' : token.kind !== ',') return false;
      expectName = !expectName;
      ahead++;
    }
  }

  private parseLambda(): BicepExpression {
    const start = this.advance().start; // (
    const parameters: BicepIdentifier[] = [];
    while (!this.at(')')) {
      const token = this.advance();
      if (token.kind === 'identifier') parameters.push(this.identifier(token));
    }
    this.advance(); // )
    return this.parseLambdaBody(parameters, start);
  }

  private parseLambdaBody(parameters: BicepIdentifier[], start: number): BicepExpression {
    this.advance(); // =>
    this.skipNewlinesBeforeBody();
    const body = this.parseExpression();
    return { kind: 'lambda', parameters, body: body.kind === 'error' ? undefined : body, span: { start, end: this.lastEnd } };
  }

  private parseParenthesized(): BicepExpression {
    const open = this.advance();
    this.skipNewlines();
    const expression = this.at(')') ? this.missingExpression() : this.parseExpression();
    this.skipNewlines();
    const closed = this.at(')');
    if (closed) this.advance();
    else this.report('bicep-unclosed-bracket', "The parenthesis is not closed with ')'.", open.start, open.end);
    return { kind: 'parenthesized', expression: expression.kind === 'error' ? undefined : expression, closed, span: { start: open.start, end: this.lastEnd } };
  }

  // ---- strings ----

  private segmentOf(token: BicepToken): BicepStringSegment {
    return token.literal ?? { value: '', sourceSpan: { start: token.end, end: token.end }, runs: [] };
  }

  private parseString(): BicepString {
    const first = this.advance();
    if (first.kind !== 'string-left') {
      const segment = this.segmentOf(first);
      return {
        kind: 'string',
        multiline: first.kind === 'multiline-string',
        span: { start: first.start, end: first.end },
        contentSpan: segment.sourceSpan,
        segments: [segment],
        interpolations: [],
        value: segment.value,
        closed: first.closed ?? false,
      };
    }
    const segments: BicepStringSegment[] = [this.segmentOf(first)];
    const interpolations: BicepInterpolation[] = [];
    // A hole starts where the literal text before it ends (`${`, or `$${` in a `$$'''` string).
    let holeStart = this.segmentOf(first).sourceSpan.end;
    let closed = false;
    for (;;) {
      const expression = this.at('string-middle') || this.at('string-right') ? undefined : this.parseExpression();
      if (expression === undefined) this.report('bicep-missing-expression', 'Expected an expression inside ${}.', holeStart, holeStart + 2);
      if (!this.at('string-middle') && !this.at('string-right')) {
        this.skipToStringPiece();
      }
      const piece = this.current;
      if (piece.kind !== 'string-middle' && piece.kind !== 'string-right') {
        // Only reachable at a line end or the end of the file, where the lexer has closed the string already.
        interpolations.push({ expression, span: { start: holeStart, end: this.lastEnd } });
        segments.push({ value: '', sourceSpan: { start: this.lastEnd, end: this.lastEnd }, runs: [] });
        break;
      }
      this.advance();
      const holeEnd = this.text.charCodeAt(piece.start) === 125 /* } */ ? piece.start + 1 : piece.start;
      interpolations.push({ expression, span: { start: holeStart, end: holeEnd } });
      segments.push(this.segmentOf(piece));
      if (piece.kind === 'string-right') {
        closed = piece.closed ?? false;
        break;
      }
      holeStart = this.segmentOf(piece).sourceSpan.end;
    }
    const last = segments[segments.length - 1];
    return {
      kind: 'string',
      multiline: first.multiline === true,
      span: { start: first.start, end: this.lastEnd },
      contentSpan: { start: segments[0].sourceSpan.start, end: last.sourceSpan.end },
      segments,
      interpolations,
      value: undefined,
      closed,
    };
  }

  /** Inside a hole after a malformed expression: skip to this string's next piece (nested strings skipped whole). */
  private skipToStringPiece(): void {
    const token = this.current;
    if (token.kind !== 'newline' && token.kind !== 'eof') {
      this.report('bicep-unexpected-token', `Unexpected '${this.tokenText(token)}' inside \${}.`, token.start, token.end);
    }
    let nestedStrings = 0;
    for (;;) {
      const kind = this.current.kind;
      if (kind === 'eof' || kind === 'newline') return;
      if (nestedStrings === 0 && (kind === 'string-middle' || kind === 'string-right')) return;
      if (kind === 'string-left') nestedStrings++;
      else if (kind === 'string-right') nestedStrings--;
      this.advance();
    }
  }

  // ---- objects and arrays ----

  private parseObject(): BicepObject {
    const open = this.advance();
    const members: BicepObjectMember[] = [];
    if (!this.enter()) return { kind: 'object', members, closed: false, span: { start: open.start, end: this.lastEnd } };
    let closed = false;
    for (;;) {
      const lineStart = this.skipSeparators(true);
      if (this.at('}')) {
        this.advance();
        closed = true;
        break;
      }
      // A closer of another bracket most likely means this object's '}' is missing: leave it to the outer construct.
      if (this.at(']') || this.at(')')) break;
      if (this.atContainerExit(true)) {
        this.index = lineStart;
        break;
      }
      const before = this.index;
      const member = this.parseObjectMember();
      if (member !== undefined) members.push(member);
      if (!this.atLineEnd() && !this.at(',') && !this.at('}') && !this.at(']') && !this.at(')')) this.recoverInContainer("a new line, ',' or '}'");
      if (this.index === before && !this.at(']') && !this.at(')')) this.advance();
    }
    this.leave();
    if (!closed) this.report('bicep-unclosed-bracket', "The object is not closed with '}'.", open.start, open.end);
    return { kind: 'object', members, closed, span: { start: open.start, end: this.lastEnd } };
  }

  private parseObjectMember(): BicepObjectMember | undefined {
    const start = this.current.start;
    if (this.at('...')) return this.parseSpread();
    // Decorators before a nested resource belong to it; before a property, to the property.
    if (this.atNestedResource() || (this.at('@') && this.lookPastDecorators(() => this.atNestedResource()))) {
      const decorators = this.parseDecorators();
      const keyword = this.advance();
      return this.parseResourceRest(start, { decorators, keywordSpan: { start: keyword.start, end: keyword.end } });
    }
    return this.parseProperty(start, this.parseDecorators());
  }

  private parseProperty(start: number, decorators: BicepDecorator[]): BicepObjectMember | undefined {
    const token = this.current;
    let key: string | undefined;
    let keyString: BicepString | undefined;
    let keySpan: Span;
    if (token.kind === 'identifier' || token.kind === 'number') {
      this.advance();
      key = this.tokenText(token);
      keySpan = { start: token.start, end: token.end };
    } else if (isStringStart(token.kind)) {
      keyString = this.parseString();
      key = keyString.value;
      keySpan = keyString.span;
    } else {
      this.recoverInContainer('a property name');
      return undefined;
    }
    let value: BicepExpression | undefined;
    if (this.expect(':', "':'")) {
      value = this.parseExpression();
      if (value.kind === 'error') value = undefined;
    } else {
      this.skipBalanced(true);
    }
    return { kind: 'property', decorators, key, keySpan, keyString, value, span: { start, end: this.lastEnd } };
  }

  private parseSpread(): BicepSpread {
    const dots = this.advance();
    const expression = this.parseExpression();
    return { kind: 'spread', expression: expression.kind === 'error' ? undefined : expression, span: { start: dots.start, end: this.lastEnd } };
  }

  private parseArrayOrFor(): BicepExpression {
    const open = this.current;
    if (this.isWord(this.peekPastNewlines(1), 'for')) return this.parseFor();
    this.advance();
    const items: (BicepExpression | BicepSpread)[] = [];
    if (!this.enter()) return { kind: 'array', items, closed: false, span: { start: open.start, end: this.lastEnd } } satisfies BicepArray;
    let closed = false;
    for (;;) {
      const lineStart = this.skipSeparators(true);
      if (this.at(']')) {
        this.advance();
        closed = true;
        break;
      }
      if (this.at('}') || this.at(')')) break;
      if (this.atContainerExit(false)) {
        this.index = lineStart;
        break;
      }
      const before = this.index;
      if (this.at('...')) items.push(this.parseSpread());
      else items.push(this.parseExpression());
      if (!this.atLineEnd() && !this.at(',') && !this.at(']') && !this.at('}') && !this.at(')')) this.recoverInContainer("a new line, ',' or ']'");
      if (this.index === before && !this.at('}') && !this.at(')')) this.advance();
    }
    this.leave();
    if (!closed) this.report('bicep-unclosed-bracket', "The array is not closed with ']'.", open.start, open.end);
    return { kind: 'array', items, closed, span: { start: open.start, end: this.lastEnd } };
  }

  private parseFor(): BicepFor {
    const open = this.advance(); // [
    this.skipNewlines();
    this.advance(); // for
    let item: BicepIdentifier | undefined;
    let index: BicepIdentifier | undefined;
    if (this.at('(')) {
      this.advance();
      item = this.parseName('a loop variable');
      if (this.at(',')) {
        this.advance();
        index = this.parseName('an index variable');
      }
      this.expect(')', "')'");
    } else {
      item = this.parseName('a loop variable');
    }
    let iterable: BicepExpression | undefined;
    let body: BicepExpression | BicepIf | undefined;
    if (this.atWord('in')) {
      this.advance();
      const parsed = this.parseExpression();
      iterable = parsed.kind === 'error' ? undefined : parsed;
    } else {
      this.expected("'in'");
    }
    // Without the ':' a body that plainly starts here is still read, so the resource inside is not lost.
    if (this.expect(':', "':'") || this.at('{') || this.atWord('if')) {
      const parsed = this.parseExpression();
      body = parsed.kind === 'error' ? undefined : parsed;
    }
    if (this.at('newline') && this.peekPastNewlines().kind === ']') this.skipNewlines();
    const closed = this.at(']');
    if (closed) this.advance();
    else {
      this.report('bicep-unclosed-bracket', "The loop is not closed with ']'.", open.start, open.end);
      if (!this.atDeclarationStart(false)) this.skipBalanced(false);
    }
    return { kind: 'for', item, index, iterable, body, closed, span: { start: open.start, end: this.lastEnd } };
  }

  // ---- types ----

  private parseType(): BicepType {
    const start = this.current.start;
    if (!this.enter()) return { kind: 'type-error', span: { start, end: Math.max(start, this.lastEnd) } };
    // A leading `|` lets each member of a long union start its own line.
    const leadingPipe = this.at('|') || (this.at('newline') && this.peek(1).kind === '|');
    if (leadingPipe) {
      this.skipNewlines();
      this.advance();
    }
    const first = this.parseUnionMember();
    const members: BicepType[] = [first];
    while (this.at('|') || (this.at('newline') && this.peekPastNewlines().kind === '|')) {
      if (this.depth + members.length >= MAX_BICEP_DEPTH) {
        this.skipTooDeep();
        break;
      }
      this.skipNewlines();
      this.advance();
      members.push(this.parseUnionMember());
    }
    this.leave();
    return members.length === 1 && !leadingPipe ? first : { kind: 'type-union', members, span: { start: first.span.start, end: this.lastEnd } };
  }

  /** A member after `|`, which must be on the same line as the `|` (as Bicep requires). */
  private parseUnionMember(): BicepType {
    if (this.atLineEnd()) {
      this.expected('a type after |');
      return { kind: 'type-error', span: { start: this.lastEnd, end: this.lastEnd } };
    }
    return this.parseTypeMember();
  }

  /** A primary type with its suffixes: `[]`, `[0]`, `[*]`, `.property`, `.*`, `?` and `!`; their count counts toward the depth limit. */
  private parseTypeMember(): BicepType {
    let type = this.parseTypePrimary();
    let folds = 0;
    for (;;) {
      const token = this.current;
      const isSuffix = token.kind === '[' || token.kind === '.' || token.kind === '?' || token.kind === '!';
      if (!isSuffix || type.kind === 'type-error') return type;
      folds++;
      if (this.depth + folds >= MAX_BICEP_DEPTH) {
        this.skipTooDeep();
        return type;
      }
      const start = type.span.start;
      this.advance();
      if (token.kind === '?') {
        type = { kind: 'type-nullable', type, span: { start, end: this.lastEnd } };
      } else if (token.kind === '!') {
        type = { kind: 'type-non-nullable', type, span: { start, end: this.lastEnd } };
      } else if (token.kind === '.') {
        let name: BicepIdentifier | undefined;
        if (this.at('*') || this.at('identifier')) name = this.identifier(this.advance());
        else this.expected('a property name');
        type = { kind: 'type-property-access', base: type, name, span: { start, end: this.lastEnd } };
      } else if (this.at(']')) {
        this.advance();
        type = { kind: 'type-array', element: type, span: { start, end: this.lastEnd } };
      } else {
        const wildcard = this.at('*') && this.peek(1).kind === ']';
        let index: BicepExpression | undefined;
        if (wildcard) this.advance();
        else {
          const parsed = this.parseExpression();
          index = parsed.kind === 'error' ? undefined : parsed;
        }
        const closed = this.at(']');
        if (closed) this.advance();
        else this.expected("']'");
        type = { kind: 'type-index-access', base: type, index, wildcard, closed, span: { start, end: this.lastEnd } };
      }
    }
  }

  /** `name<argument, ...>`, such as `resourceInput<'Microsoft.X/y@version'>`. */
  private parseParameterizedType(name: BicepIdentifier): BicepType {
    this.advance(); // <
    const args: BicepType[] = [];
    let closed = false;
    for (;;) {
      if (this.at('newline') && !this.isDeclarationKeyword(this.peekPastNewlines())) this.skipNewlines();
      if (this.at('>')) {
        this.advance();
        closed = true;
        break;
      }
      if (this.atLineEnd() || CLOSERS.has(this.current.kind)) break;
      const before = this.index;
      args.push(this.parseType());
      if (this.at('newline') && this.peekPastNewlines().kind === '>') this.skipNewlines();
      if (this.at(',')) this.advance();
      else if (!this.at('>')) break;
      if (this.index === before) break;
    }
    if (!closed) this.expected("'>'");
    return { kind: 'type-parameterized', name, arguments: args, closed, span: { start: name.span.start, end: this.lastEnd } };
  }

  private parseTypePrimary(): BicepType {
    const token = this.current;
    switch (token.kind) {
      case 'identifier': {
        if (this.isWord(token, 'resource') && (isStringStart(this.peek(1).kind) || this.peek(1).kind === '<')) return this.parseResourceType();
        const word = this.tokenText(token);
        this.advance();
        const span = { start: token.start, end: token.end };
        if (word === 'true' || word === 'false') return { kind: 'type-literal', literal: { kind: 'boolean', value: word === 'true', span }, span };
        if (word === 'null') return { kind: 'type-literal', literal: { kind: 'null', span }, span };
        let name = word;
        while (this.at('.') && this.peek(1).kind === 'identifier') {
          this.advance();
          name += `.${this.tokenText(this.advance())}`;
        }
        const nameSpan = { start: token.start, end: this.lastEnd };
        if (this.at('<')) return this.parseParameterizedType({ name, span: nameSpan });
        return { kind: 'type-reference', name, span: nameSpan };
      }
      case 'string-complete':
      case 'string-left':
      case 'multiline-string': {
        const literal = this.parseString();
        return { kind: 'type-literal', literal, span: literal.span };
      }
      case 'number':
      case '-':
      case '+': {
        const signed = token.kind !== 'number' && this.peek(1).kind === 'number';
        if (token.kind !== 'number' && !signed) break;
        const negative = token.kind === '-';
        if (signed) this.advance();
        const digits = this.advance();
        const span = { start: token.start, end: digits.end };
        const value = Number(this.tokenText(digits));
        return { kind: 'type-literal', literal: { kind: 'number', value: negative ? -value : value, span }, span };
      }
      case '!': {
        // `!true` is the literal type false.
        const operand = this.peek(1);
        const word = operand.kind === 'identifier' ? this.tokenText(operand) : '';
        if (word !== 'true' && word !== 'false') break;
        this.advance();
        this.advance();
        const span = { start: token.start, end: operand.end };
        return { kind: 'type-literal', literal: { kind: 'boolean', value: word === 'false', span }, span };
      }
      case '{':
        return this.parseObjectType();
      case '[':
        return this.parseTupleType();
      case '(': {
        this.advance();
        this.skipNewlines();
        const inner = this.at(')') ? undefined : this.parseType();
        this.skipNewlines();
        const closed = this.at(')');
        if (closed) this.advance();
        else this.expected("')'");
        return { kind: 'type-parenthesized', type: inner, closed, span: { start: token.start, end: this.lastEnd } };
      }
      default:
        break;
    }
    this.expected('a type');
    return { kind: 'type-error', span: { start: this.lastEnd, end: this.lastEnd } };
  }

  private parseResourceType(): BicepType {
    const start = this.advance().start; // resource
    const angled = this.at('<');
    if (angled) this.advance();
    const typeString = this.parseOptionalString('a resource type string');
    if (angled) this.expect('>', "'>'");
    return { kind: 'type-resource', typeString, span: { start, end: this.lastEnd } };
  }

  private parseObjectType(): BicepType {
    const open = this.advance();
    const properties: BicepTypeProperty[] = [];
    let closed = false;
    for (;;) {
      const lineStart = this.skipSeparators(true);
      if (this.at('}')) {
        this.advance();
        closed = true;
        break;
      }
      if (this.atContainerExit(false)) {
        this.index = lineStart;
        break;
      }
      const before = this.index;
      const start = this.current.start;
      const decorators = this.parseDecorators();
      const keyToken = this.current;
      let key: string | undefined;
      let keySpan: Span | undefined;
      if (keyToken.kind === 'identifier' || keyToken.kind === '*') {
        this.advance();
        key = this.tokenText(keyToken);
        keySpan = { start: keyToken.start, end: keyToken.end };
      } else if (isStringStart(keyToken.kind)) {
        const keyString = this.parseString();
        key = keyString.value;
        keySpan = keyString.span;
      } else {
        this.recoverInContainer('a property name');
      }
      if (keySpan !== undefined) {
        const type = this.expect(':', "':'") ? this.parseType() : undefined;
        properties.push({ decorators, key, keySpan, type, span: { start, end: this.lastEnd } });
        if (!this.atLineEnd() && !this.at(',') && !this.at('}')) this.recoverInContainer("a new line, ',' or '}'");
      }
      if (this.index === before) this.advance();
    }
    if (!closed) this.report('bicep-unclosed-bracket', "The object type is not closed with '}'.", open.start, open.end);
    return { kind: 'type-object', properties, closed, span: { start: open.start, end: this.lastEnd } };
  }

  private parseTupleType(): BicepType {
    const open = this.advance();
    const items: BicepType[] = [];
    let closed = false;
    for (;;) {
      const lineStart = this.skipSeparators(true);
      if (this.at(']')) {
        this.advance();
        closed = true;
        break;
      }
      if (this.atContainerExit(false)) {
        this.index = lineStart;
        break;
      }
      const before = this.index;
      // Item decorators (such as @description) only document the tuple item.
      this.parseDecorators();
      items.push(this.parseType());
      if (!this.atLineEnd() && !this.at(',') && !this.at(']')) this.recoverInContainer("a new line, ',' or ']'");
      if (this.index === before) this.advance();
    }
    if (!closed) this.report('bicep-unclosed-bracket', "The tuple type is not closed with ']'.", open.start, open.end);
    return { kind: 'type-tuple', items, closed, span: { start: open.start, end: this.lastEnd } };
  }
}
