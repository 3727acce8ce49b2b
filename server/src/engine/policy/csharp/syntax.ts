/**
 * The syntax tree of a policy expression's C#. Offsets are indexes into the expression's decoded code
 * (see ExpressionSource); every node has `kind`, `start` and `end`, so one generic walk reaches all of them.
 */

export interface NodeBase {
  readonly start: number;
  readonly end: number;
}

/** One dotted part of a type name, with its own range (for reporting `System.IO` precisely). */
export interface NamePart {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface TypeSyntax extends NodeBase {
  readonly kind: 'type';
  readonly parts: readonly NamePart[];
  readonly args: readonly TypeSyntax[];
  readonly nullable: boolean;
  /** Array rank count (`string[]` is 1, `string[][]` is 2). */
  readonly arrays: number;
}

export type LiteralType = 'string' | 'char' | 'int' | 'uint' | 'long' | 'ulong' | 'float' | 'double' | 'decimal' | 'bool' | 'null';

export interface Argument extends NodeBase {
  readonly kind: 'argument';
  readonly name: string | undefined;
  readonly modifier: 'out' | 'ref' | 'in' | undefined;
  readonly value: Expression;
}

export interface Parameter extends NodeBase {
  readonly kind: 'parameter';
  readonly name: string;
  readonly type: TypeSyntax | undefined;
}

export type Expression =
  | (NodeBase & { readonly kind: 'literal'; readonly type: LiteralType })
  | (NodeBase & { readonly kind: 'interpolated'; readonly holes: readonly Expression[] })
  | (NodeBase & { readonly kind: 'name'; readonly name: string; readonly typeArgs: readonly TypeSyntax[] | undefined })
  /** A predefined type used as a value, as in `string.Join` or `int.Parse`. */
  | (NodeBase & { readonly kind: 'predefined'; readonly name: string })
  | (NodeBase & {
      readonly kind: 'member';
      readonly target: Expression;
      /** Empty while the name is still being typed. */
      readonly name: string;
      readonly nameStart: number;
      readonly nameEnd: number;
      readonly conditional: boolean;
      readonly typeArgs: readonly TypeSyntax[] | undefined;
    })
  | (NodeBase & { readonly kind: 'call'; readonly target: Expression; readonly args: readonly Argument[]; readonly open: number; readonly closed: boolean })
  | (NodeBase & { readonly kind: 'index'; readonly target: Expression; readonly args: readonly Argument[]; readonly conditional: boolean })
  | (NodeBase & { readonly kind: 'unary'; readonly operator: string; readonly operand: Expression })
  | (NodeBase & { readonly kind: 'binary'; readonly operator: string; readonly left: Expression; readonly right: Expression })
  | (NodeBase & { readonly kind: 'assignment'; readonly operator: string; readonly left: Expression; readonly right: Expression })
  | (NodeBase & { readonly kind: 'conditional'; readonly condition: Expression; readonly whenTrue: Expression; readonly whenFalse: Expression })
  | (NodeBase & { readonly kind: 'cast'; readonly type: TypeSyntax; readonly operand: Expression })
  | (NodeBase & {
      readonly kind: 'is';
      readonly operand: Expression;
      readonly type: TypeSyntax | undefined;
      readonly pattern: Expression | undefined;
      readonly designation: Parameter | undefined;
    })
  | (NodeBase & { readonly kind: 'as'; readonly operand: Expression; readonly type: TypeSyntax })
  | (NodeBase & { readonly kind: 'lambda'; readonly parameters: readonly Parameter[]; readonly body: Expression | Block })
  | (NodeBase & {
      readonly kind: 'new';
      /** Undefined for anonymous objects and `new[] { ... }`. */
      readonly type: TypeSyntax | undefined;
      readonly args: readonly Argument[] | undefined;
      readonly initializer: Initializer | undefined;
    })
  | Initializer
  | (NodeBase & { readonly kind: 'typeof' | 'default' | 'sizeof'; readonly type: TypeSyntax | undefined })
  | (NodeBase & { readonly kind: 'parenthesized'; readonly inner: Expression })
  | (NodeBase & { readonly kind: 'tuple'; readonly items: readonly Argument[] })
  | (NodeBase & { readonly kind: 'throw-expression'; readonly operand: Expression })
  /** `out var x` or `out string x` in an argument. */
  | (NodeBase & { readonly kind: 'declaration-expression'; readonly type: TypeSyntax | undefined; readonly variable: Parameter })
  /** A LINQ query (`from x in y where ... select ...`); its clauses' expressions, with the range variables. */
  | (NodeBase & { readonly kind: 'query'; readonly variables: readonly Parameter[]; readonly clauses: readonly Expression[] })
  /** Nothing where an expression was needed (the problem is reported once). */
  | (NodeBase & { readonly kind: 'missing' });

export interface Initializer extends NodeBase {
  readonly kind: 'initializer';
  readonly items: readonly Expression[];
}

export interface Block extends NodeBase {
  readonly kind: 'block';
  readonly statements: readonly Statement[];
}

export interface VariableDeclarator extends NodeBase {
  readonly kind: 'variable';
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly value: Expression | undefined;
}

export interface CatchClause extends NodeBase {
  readonly kind: 'catch';
  readonly type: TypeSyntax | undefined;
  readonly variable: Parameter | undefined;
  readonly filter: Expression | undefined;
  readonly body: Block;
}

export interface SwitchSection extends NodeBase {
  readonly kind: 'switch-section';
  readonly labels: readonly Expression[];
  readonly statements: readonly Statement[];
}

export type Statement =
  | Block
  | (NodeBase & { readonly kind: 'local'; readonly type: TypeSyntax | undefined; readonly variables: readonly VariableDeclarator[] })
  | (NodeBase & { readonly kind: 'expression-statement'; readonly expression: Expression })
  | (NodeBase & { readonly kind: 'if'; readonly condition: Expression; readonly then: Statement; readonly otherwise: Statement | undefined })
  | (NodeBase & {
      readonly kind: 'foreach';
      readonly type: TypeSyntax | undefined;
      readonly variable: Parameter;
      readonly collection: Expression;
      readonly body: Statement;
    })
  | (NodeBase & {
      readonly kind: 'for';
      readonly initializers: readonly Statement[];
      readonly condition: Expression | undefined;
      readonly steps: readonly Expression[];
      readonly body: Statement;
    })
  | (NodeBase & { readonly kind: 'while' | 'do'; readonly condition: Expression; readonly body: Statement })
  | (NodeBase & { readonly kind: 'return' | 'throw'; readonly value: Expression | undefined })
  | (NodeBase & { readonly kind: 'try'; readonly body: Block; readonly catches: readonly CatchClause[]; readonly final: Block | undefined })
  | (NodeBase & { readonly kind: 'switch'; readonly value: Expression; readonly sections: readonly SwitchSection[] })
  | (NodeBase & { readonly kind: 'jump' | 'empty' });

export type SyntaxNode = Expression | Statement | TypeSyntax | Argument | Parameter | VariableDeclarator | CatchClause | SwitchSection;

/** The nodes directly under `node`, in source order. */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children.sort((a, b) => a.start - b.start);
}

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'start' in value;
}
