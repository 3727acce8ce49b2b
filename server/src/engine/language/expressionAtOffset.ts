import { codeIndexAt } from '../policy/csharp/expressionSource';
import { childNodes, type Expression, type SyntaxNode } from '../policy/csharp/syntax';
import type { PolicyExpression, XmlDocument } from '../policy/syntaxTree';
import { allElements } from '../policy/treeQueries';
import { expressionTypes, MAX_WALK_DEPTH, type ExpressionTypes } from '../expressions/expressionTypes';

/** The policy expression whose code holds the offset (its brackets included), if any. */
export function expressionAt(document: XmlDocument, offset: number): PolicyExpression | undefined {
  for (const element of allElements(document)) {
    if (offset < element.span.start || offset > element.span.end) continue;
    for (const item of element.attributes) {
      for (const embedded of item.embedded)
        if (embedded.kind === 'expression' && embedded.codeSpan.start <= offset && offset <= embedded.codeSpan.end) return embedded;
    }
    for (const child of element.children) {
      if (child.kind !== 'text') continue;
      for (const embedded of child.embedded)
        if (embedded.kind === 'expression' && embedded.codeSpan.start <= offset && offset <= embedded.codeSpan.end) return embedded;
    }
  }
  return undefined;
}

/** One expression with its types, and the code index of a document offset. */
export interface ExpressionPosition {
  readonly expression: PolicyExpression;
  readonly types: ExpressionTypes;
  readonly index: number;
}

export function expressionPosition(expression: PolicyExpression, offset: number): ExpressionPosition {
  return { expression, types: expressionTypes(expression.csharp.syntax), index: codeIndexAt(expression.csharp.source, offset) };
}

/** The nodes around a code index, outermost first (bounded like the type walk). */
export function nodesAround(expression: PolicyExpression, index: number, includeEnd: boolean): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  let current: SyntaxNode | undefined = expression.csharp.syntax.root;
  for (let depth = 0; current && depth < MAX_WALK_DEPTH; depth++) {
    path.push(current);
    current = childNodes(current).find((child) => child.start <= index && (index < child.end || (includeEnd && index === child.end)));
  }
  return path;
}

export function isExpressionNode(node: SyntaxNode): node is Expression {
  return !['type', 'argument', 'parameter', 'variable', 'catch', 'switch-section'].includes(node.kind) && !isStatementKind(node.kind);
}

function isStatementKind(kind: string): boolean {
  return ['local', 'expression-statement', 'if', 'foreach', 'for', 'while', 'do', 'return', 'throw', 'try', 'switch', 'jump', 'empty', 'block'].includes(kind);
}
