import { expressionTypes, isStaticType, type ExpressionTypes } from '../expressions/expressionTypes';
import { documentSpan } from '../policy/csharp/expressionSource';
import type { Token } from '../policy/csharp/lexer';
import { childNodes, type Parameter, type SyntaxNode, type TypeSyntax } from '../policy/csharp/syntax';
import type { PolicyExpression, XmlDocument } from '../policy/syntaxTree';
import { allExpressions } from '../policy/treeQueries';
import type { Span } from '../text/span';

/** What a highlighted piece of expression code is (names from the LSP's standard semantic token types). */
export type ExpressionTokenType = 'namespace' | 'type' | 'parameter' | 'variable' | 'property' | 'method' | 'keyword' | 'string' | 'number';

/** `defaultLibrary` marks `context`, the object APIM gives every expression; `declaration` where a name is declared. */
export type ExpressionTokenModifier = 'declaration' | 'readonly' | 'defaultLibrary';

export interface ExpressionToken {
  /** Document offsets (through XML character references); may span lines in verbatim strings. */
  readonly span: Span;
  readonly type: ExpressionTokenType;
  readonly modifiers: readonly ExpressionTokenModifier[];
}

/** Deeper trees (hostile input) are highlighted only by their tokens' kinds, as the type walk stops there too. */
const MAX_CLASSIFY_DEPTH = 400;

interface Classified {
  readonly type: ExpressionTokenType;
  readonly modifiers: readonly ExpressionTokenModifier[];
}

/**
 * The semantic tokens of every policy expression in a document, in document order: keywords, literals, and the
 * names the syntax tree and the typed model of `context` can tell apart (types, methods, properties, locals,
 * lambda parameters). A name the model cannot place is left to the grammar's colouring rather than guessed.
 */
export function expressionTokens(document: XmlDocument): ExpressionToken[] {
  const tokens: ExpressionToken[] = [];
  for (const expression of allExpressions(document)) tokens.push(...tokensOf(expression));
  return tokens;
}

function tokensOf(expression: PolicyExpression): ExpressionToken[] {
  const { syntax, source } = expression.csharp;
  const names = new NameClassifier(expressionTypes(syntax), syntax.tokens);
  names.visit(syntax.root, 0, []);
  const code: { start: number; end: number; type: ExpressionTokenType; modifiers: readonly ExpressionTokenModifier[] }[] = [];
  const add = (start: number, end: number, classified: Classified): void => {
    if (end > start) code.push({ start, end, ...classified });
  };
  // Interpolated strings: the literal text between `$"`, the holes and `"` is a string; the holes are code.
  const segmentStarts: number[] = [];
  for (const token of syntax.tokens) {
    switch (token.kind) {
      case 'keyword':
        add(token.start, token.end, { type: 'keyword', modifiers: [] });
        break;
      case 'string':
      case 'char':
      case 'hole-format':
        add(token.start, token.end, { type: 'string', modifiers: [] });
        break;
      case 'number':
        add(token.start, token.end, { type: 'number', modifiers: [] });
        break;
      case 'identifier': {
        const classified = names.classes.get(token.start);
        if (classified) add(token.start, token.end, classified);
        break;
      }
      case 'interpolation-start':
        segmentStarts.push(token.start);
        break;
      case 'hole-start':
        add(segmentStarts[segmentStarts.length - 1] ?? token.start, token.start, { type: 'string', modifiers: [] });
        break;
      case 'hole-end':
        if (segmentStarts.length > 0) segmentStarts[segmentStarts.length - 1] = token.end;
        break;
      case 'interpolation-end':
        add(segmentStarts.pop() ?? token.start, token.end, { type: 'string', modifiers: [] });
        break;
      default:
        break;
    }
  }
  return code.map((item) => ({ span: documentSpan(source, item.start, item.end), type: item.type, modifiers: item.modifiers }));
}

/** Classifies identifier tokens (by their start) from the syntax tree and the expression's types. */
class NameClassifier {
  readonly classes = new Map<number, Classified>();

  constructor(
    private readonly types: ExpressionTypes,
    private readonly tokens: readonly Token[],
  ) {}

  private mark(start: number, classified: Classified): void {
    this.classes.set(start, classified);
  }

  /** `lambdaParameters`: the parameter names of the lambdas around the node, innermost last. */
  visit(node: SyntaxNode, depth: number, lambdaParameters: readonly string[]): void {
    if (depth >= MAX_CLASSIFY_DEPTH) return;
    let inner = lambdaParameters;
    switch (node.kind) {
      case 'type':
        this.markType(node);
        return;
      case 'lambda':
        inner = [...lambdaParameters, ...node.parameters.map((parameter) => parameter.name)];
        for (const parameter of node.parameters) this.markParameter(parameter, 'parameter');
        break;
      case 'foreach':
      case 'declaration-expression':
        this.markVar(node.start, node.variable.start);
        this.markParameter(node.variable, 'variable');
        break;
      case 'catch':
        if (node.variable) this.markParameter(node.variable, 'variable');
        break;
      case 'local':
        this.markVar(node.start, node.variables[0]?.start ?? node.end);
        break;
      case 'is':
        if (node.designation) this.markParameter(node.designation, 'variable');
        break;
      case 'query':
        for (const variable of node.variables) this.markParameter(variable, 'variable');
        break;
      case 'variable':
        this.mark(node.nameStart, { type: 'variable', modifiers: ['declaration'] });
        break;
      case 'name':
        this.markName(node, lambdaParameters);
        break;
      case 'member':
        this.markMember(node);
        break;
      case 'call':
        // Whatever is called is a method, also where the model does not know the receiver (`items.Select(...)`).
        if (node.target.kind === 'name' && !this.types.isLocal(node.target)) this.mark(node.target.start, { type: 'method', modifiers: [] });
        if (node.target.kind === 'member' && node.target.name !== '') this.mark(node.target.nameStart, { type: 'method', modifiers: [] });
        break;
      default:
        break;
    }
    for (const child of childNodes(node)) {
      // Parameters and declared variables are marked above, with the role the parent gives them.
      if (child.kind !== 'parameter') this.visit(child, depth + 1, inner);
    }
  }

  private markName(node: Extract<SyntaxNode, { kind: 'name' }>, lambdaParameters: readonly string[]): void {
    if (this.types.isLocal(node)) {
      this.mark(node.start, { type: lambdaParameters.includes(node.name) ? 'parameter' : 'variable', modifiers: [] });
      return;
    }
    if (node.name === 'context') {
      this.mark(node.start, { type: 'variable', modifiers: ['readonly', 'defaultLibrary'] });
      return;
    }
    const type = this.types.typeOf(node);
    if (type !== undefined && isStaticType(type)) this.mark(node.start, { type: 'type', modifiers: [] });
  }

  private markMember(node: Extract<SyntaxNode, { kind: 'member' }>): void {
    if (node.name === '') return;
    const resolved = this.types.memberOf(node);
    if (resolved) {
      this.mark(node.nameStart, { type: resolved.member.kind === 'method' ? 'method' : 'property', modifiers: [] });
      return;
    }
    const type = this.types.typeOf(node);
    if (type === undefined || !isStaticType(type)) return;
    // `System.Text.Encoding` as a value: the type, and the namespace parts before it.
    this.mark(node.nameStart, { type: 'type', modifiers: [] });
    let target = node.target;
    while (target.kind === 'member') {
      this.mark(target.nameStart, { type: 'namespace', modifiers: [] });
      target = target.target;
    }
    if (target.kind === 'name') this.mark(target.start, { type: 'namespace', modifiers: [] });
  }

  private markType(type: TypeSyntax): void {
    type.parts.forEach((part, index) => {
      this.mark(part.start, { type: index === type.parts.length - 1 ? 'type' : 'namespace', modifiers: [] });
    });
    for (const arg of type.args) this.markType(arg);
  }

  /** `var` in a declaration: an identifier to the lexer, a keyword to the reader. */
  private markVar(from: number, to: number): void {
    const token = this.tokens[this.firstTokenFrom(from)];
    if (token && token.start < to && token.kind === 'identifier' && token.text === 'var') this.mark(token.start, { type: 'keyword', modifiers: [] });
  }

  private firstTokenFrom(offset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.tokens[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** A declared name: the identifier token spelled like it at the end of the declaration. */
  private markParameter(parameter: Parameter, type: 'parameter' | 'variable'): void {
    if (parameter.type) this.markType(parameter.type);
    const token = this.identifierIn(parameter);
    if (token) this.mark(token.start, { type, modifiers: ['declaration'] });
  }

  private identifierIn(parameter: Parameter): Token | undefined {
    let found: Token | undefined;
    for (let index = this.firstTokenFrom(parameter.start); index < this.tokens.length && this.tokens[index].start < parameter.end; index++) {
      const token = this.tokens[index];
      if (token.kind === 'identifier' && token.text === parameter.name) found = token;
    }
    return found;
  }
}
