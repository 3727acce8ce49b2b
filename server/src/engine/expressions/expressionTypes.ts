import type { CSharpSyntax } from '../policy/csharp/parser';
import { childNodes, type Expression, type Statement, type SyntaxNode, type TypeSyntax } from '../policy/csharp/syntax';
import { ALLOWED_TYPES, STATIC_MEMBERS, shortTypeName } from './allowedTypes';
import { CONTEXT_TYPE, EXPRESSION_TYPES, type ExpressionMember } from './contextMembers';

/**
 * The static types of an expression's sub-expressions, as far as the typed model of `context` and the
 * allowed .NET types tell them: `context.Request.Headers.GetValueOrDefault("a", "")` is a `string`,
 * `(JObject)x` a `JObject`, a `var` local the type of its value. Unknown stays undefined (never guessed).
 * A type used as a value (`DateTime` in `DateTime.UtcNow`) is written `static DateTime`.
 */
export interface ExpressionTypes {
  typeOf(node: Expression): string | undefined;
  /** The member a member access or call resolves to, with the type that declares it. */
  memberOf(node: Expression): ResolvedMember | undefined;
  /** The name is a local variable, parameter or range variable of the expression. */
  isLocal(node: Expression): boolean;
}

export interface ResolvedMember {
  readonly member: ExpressionMember;
  /** The receiver's type (`IRequest`, or `static DateTime`). */
  readonly owner: string;
}

const STATIC_PREFIX = 'static ';
export const MAX_WALK_DEPTH = 400;

const KEYWORD_TYPES: Readonly<Record<string, string>> = {
  String: 'string',
  Boolean: 'bool',
  Int32: 'int',
  Int64: 'long',
  Int16: 'short',
  Byte: 'byte',
  Double: 'double',
  Single: 'float',
  Decimal: 'decimal',
  Char: 'char',
  Object: 'object',
};

/** Static members by the keyword spelling too (`string.Join` is `String.Join`). */
const KEYWORD_STATICS: Readonly<Record<string, string>> = {
  string: 'String',
  int: 'Int32',
  bool: 'Boolean',
  long: 'Int64',
  double: 'Double',
  decimal: 'Decimal',
  char: 'Char',
  object: 'Object',
  byte: 'Byte',
};

const SHORT_ALLOWED: ReadonlySet<string> = new Set(ALLOWED_TYPES.map(shortTypeName));

/** The type a type syntax names, in the spelling the model uses (`JObject`, `string`, `string[]`, `int?`). */
export function typeName(type: TypeSyntax): string {
  const dotted = type.parts.map((part) => part.name).join('.');
  const known = ALLOWED_TYPES.includes(dotted) ? shortTypeName(dotted) : dotted;
  const base = KEYWORD_TYPES[known] ?? known;
  const args = type.args.length > 0 ? `<${type.args.map(typeName).join(', ')}>` : '';
  return `${base}${args}${'[]'.repeat(type.arrays)}${type.nullable ? '?' : ''}`;
}

function membersOf(type: string): readonly ExpressionMember[] | undefined {
  if (type.startsWith(STATIC_PREFIX)) {
    const name = type.slice(STATIC_PREFIX.length);
    return STATIC_MEMBERS[KEYWORD_STATICS[name] ?? name];
  }
  return EXPRESSION_TYPES[type]?.members;
}

/** The members a value of `type` offers in the model (instance members, or static ones for `static X`). */
export function modelMembers(type: string): readonly ExpressionMember[] | undefined {
  return membersOf(type);
}

/** Element type of an array or the value type of an indexer. */
function indexedType(type: string): string | undefined {
  if (type.endsWith('[]')) return type.slice(0, -2);
  if (type === 'JObject' || type === 'JToken' || type === 'JArray') return 'JToken';
  return EXPRESSION_TYPES[type]?.indexer;
}

/** Walks the tree once, in source order, keeping local variables in scope. */
class TypeWalk implements ExpressionTypes {
  private readonly types = new Map<Expression, string | undefined>();
  private readonly members = new Map<Expression, ResolvedMember>();
  private readonly scopes: Map<string, string | undefined>[] = [new Map()];
  private depth = 0;
  private readonly locals = new Set<Expression>();

  typeOf(node: Expression): string | undefined {
    return this.types.get(node);
  }

  memberOf(node: Expression): ResolvedMember | undefined {
    return this.members.get(node);
  }

  isLocal(node: Expression): boolean {
    return this.locals.has(node);
  }

  private lookup(name: string): { found: boolean; type: string | undefined } {
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      const scope = this.scopes[index];
      if (scope.has(name)) return { found: true, type: scope.get(name) };
    }
    return { found: false, type: undefined };
  }

  private declare(name: string, type: string | undefined): void {
    this.scopes[this.scopes.length - 1].set(name, type);
  }

  walk(node: SyntaxNode): void {
    // Long operator or member chains nest without bound; deeper than this stays untyped.
    if (this.depth >= MAX_WALK_DEPTH) return;
    this.depth++;
    try {
      this.walkNode(node);
    } finally {
      this.depth--;
    }
  }

  private walkNode(node: SyntaxNode): void {
    switch (node.kind) {
      case 'block':
      case 'lambda':
      case 'foreach':
      case 'for':
      case 'catch':
      case 'query':
        this.scopes.push(new Map());
        this.walkScoped(node);
        this.scopes.pop();
        return;
      default:
        break;
    }
    for (const child of childNodes(node)) this.walk(child);
    this.afterChildren(node);
  }

  private walkScoped(node: SyntaxNode): void {
    if (node.kind === 'lambda') for (const parameter of node.parameters) this.declare(parameter.name, parameter.type ? typeName(parameter.type) : undefined);
    if (node.kind === 'query') for (const variable of node.variables) this.declare(variable.name, undefined);
    if (node.kind === 'catch' && node.variable) this.declare(node.variable.name, node.type ? typeName(node.type) : 'Exception');
    if (node.kind === 'foreach') {
      this.walk(node.collection);
      const collection = this.typeOf(node.collection);
      this.declare(node.variable.name, node.type ? typeName(node.type) : collection?.endsWith('[]') ? collection.slice(0, -2) : undefined);
      this.walk(node.body);
      return;
    }
    for (const child of childNodes(node)) this.walk(child);
    this.afterChildren(node);
  }

  /** Declarations enter scope after their values are read; expressions get their types. */
  private afterChildren(node: SyntaxNode): void {
    if (node.kind === 'local') {
      for (const variable of node.variables) {
        this.declare(variable.name, node.type ? typeName(node.type) : variable.value ? this.types.get(variable.value as Expression) : undefined);
      }
      return;
    }
    if (node.kind === 'declaration-expression') {
      this.declare(node.variable.name, node.type ? typeName(node.type) : undefined);
      return;
    }
    if (node.kind === 'is' && node.designation) {
      this.declare(node.designation.name, node.type ? typeName(node.type) : undefined);
    }
    if (isExpression(node)) this.types.set(node, this.infer(node));
  }

  private infer(node: Expression): string | undefined {
    switch (node.kind) {
      case 'literal':
        return node.type === 'null' ? undefined : node.type;
      case 'interpolated':
        return 'string';
      case 'name': {
        const local = this.lookup(node.name);
        if (local.found) {
          this.locals.add(node);
          return local.type;
        }
        if (node.name === 'context') return CONTEXT_TYPE;
        if (SHORT_ALLOWED.has(node.name) && !node.typeArgs) return STATIC_PREFIX + node.name;
        return undefined;
      }
      case 'predefined':
        return STATIC_PREFIX + node.name;
      case 'member': {
        const resolved = this.resolveMember(node.target, node.name);
        if (!resolved) return this.qualifiedType(node);
        this.members.set(node, resolved);
        return resolved.member.kind === 'property' ? resolved.member.type : undefined;
      }
      case 'call': {
        if (node.target.kind !== 'member') return undefined;
        const resolved = this.members.get(node.target);
        if (resolved?.member.kind !== 'method') return undefined;
        this.members.set(node, resolved);
        const typeArgs = node.target.typeArgs;
        if (resolved.member.type === 'T') return typeArgs?.length === 1 ? typeName(typeArgs[0]) : undefined;
        return resolved.member.type;
      }
      case 'index': {
        const target = this.types.get(node.target);
        return target === undefined ? undefined : indexedType(target);
      }
      case 'cast':
      case 'as':
        return typeName(node.type);
      case 'new':
        return node.type ? typeName(node.type) : undefined;
      case 'parenthesized':
        return this.types.get(node.inner);
      case 'is':
        return 'bool';
      case 'unary':
        return node.operator === '!' ? 'bool' : this.types.get(node.operand);
      case 'binary':
        return this.binaryType(node.operator, this.types.get(node.left), this.types.get(node.right));
      case 'conditional': {
        const whenTrue = this.types.get(node.whenTrue);
        const whenFalse = this.types.get(node.whenFalse);
        if (whenTrue === whenFalse) return whenTrue;
        if (node.whenFalse.kind === 'literal' && node.whenFalse.type === 'null') return whenTrue;
        if (node.whenTrue.kind === 'literal' && node.whenTrue.type === 'null') return whenFalse;
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** `System.Text.Encoding` used as a value: a dotted name that is an allowed type. */
  private qualifiedType(node: Expression): string | undefined {
    const dotted = dottedName(node);
    return dotted !== undefined && ALLOWED_TYPES.includes(dotted) ? STATIC_PREFIX + shortTypeName(dotted) : undefined;
  }

  private binaryType(operator: string, left: string | undefined, right: string | undefined): string | undefined {
    if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(operator)) return 'bool';
    if (operator === '+' && (left === 'string' || right === 'string')) return 'string';
    if (operator === '??') return left?.endsWith('?') ? left.slice(0, -1) : (left ?? right);
    return left !== undefined && left === right ? left : undefined;
  }

  private resolveMember(target: Expression, name: string): ResolvedMember | undefined {
    const owner = this.types.get(target);
    if (owner === undefined) return undefined;
    const member = membersOf(owner)?.find((candidate) => candidate.name === name);
    return member ? { member, owner } : undefined;
  }
}

function isExpression(node: SyntaxNode): node is Expression {
  return ![
    'type',
    'argument',
    'parameter',
    'variable',
    'catch',
    'switch-section',
    'local',
    'expression-statement',
    'if',
    'foreach',
    'for',
    'while',
    'do',
    'return',
    'throw',
    'try',
    'switch',
    'jump',
    'empty',
    'block',
  ].includes(node.kind);
}

/** `a.b.c` for a chain of plain names, else undefined. */
export function dottedName(node: Expression): string | undefined {
  const names: string[] = [];
  let current: Expression = node;
  while (current.kind === 'member' && !current.conditional && names.length < 32) {
    names.unshift(current.name);
    current = current.target;
  }
  if (current.kind !== 'name' || current.typeArgs) return undefined;
  names.unshift(current.name);
  return names.join('.');
}

/** Types every sub-expression of one parsed expression. */
export function expressionTypes(syntax: CSharpSyntax): ExpressionTypes {
  const walk = new TypeWalk();
  walk.walk(syntax.root as Expression | Statement);
  return walk;
}

export function isStaticType(type: string): boolean {
  return type.startsWith(STATIC_PREFIX);
}

/** `static DateTime` as the user reads it. */
export function displayType(type: string): string {
  return isStaticType(type) ? type.slice(STATIC_PREFIX.length) : type;
}
