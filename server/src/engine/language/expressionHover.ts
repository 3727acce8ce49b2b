import { documentSpan } from '../policy/csharp/expressionSource';
import type { Expression } from '../policy/csharp/syntax';
import type { PolicyExpression } from '../policy/syntaxTree';
import { displayType, isStaticType } from '../expressions/expressionTypes';
import type { Span } from '../text/span';
import { expressionPosition, isExpressionNode, nodesAround } from './expressionAtOffset';

export interface ExpressionHover {
  readonly span: Span;
  readonly markdown: string;
}

function codeBlock(line: string): string {
  return ['```csharp', line, '```'].join('\n');
}

/**
 * Hover inside a policy expression: the member under the cursor with its type and description, or the
 * type of the name or sub-expression under it (`context`, a local, a call's result).
 */
export function expressionHover(expression: PolicyExpression, offset: number): ExpressionHover | undefined {
  const position = expressionPosition(expression, offset);
  const path = nodesAround(expression, position.index, false).filter(isExpressionNode);
  const source = expression.csharp.source;
  for (let index = path.length - 1; index >= 0; index--) {
    const node: Expression = path[index];
    if (node.kind === 'member') {
      if (position.index < node.nameStart || position.index >= node.nameEnd) continue;
      const resolved = position.types.memberOf(node);
      const span = documentSpan(source, node.nameStart, node.nameEnd);
      if (resolved) {
        const { member, owner } = resolved;
        const shown = displayType(owner);
        const line = member.kind === 'method' ? `${member.type} ${shown}.${member.signature}` : `${member.type} ${shown}.${member.name}`;
        return { span, markdown: [codeBlock(line), '', member.description].join('\n') };
      }
      const type = position.types.typeOf(node);
      return type === undefined ? undefined : { span, markdown: codeBlock(`${displayType(type)} ${node.name}`) };
    }
    if (node.kind === 'name') {
      const type = position.types.typeOf(node);
      if (type === undefined) return undefined;
      const span = documentSpan(source, node.start, node.end);
      if (node.name === 'context' && !position.types.isLocal(node)) {
        return {
          span,
          markdown: [
            codeBlock(`${type} context`),
            '',
            'The request context: Request, Response, Variables, Api, Operation, Product, Subscription, User and more.',
          ].join('\n'),
        };
      }
      if (isStaticType(type)) return { span, markdown: codeBlock(`(type) ${displayType(type)}`) };
      return { span, markdown: codeBlock(`(local) ${type} ${node.name}`) };
    }
    const type = position.types.typeOf(node);
    if (type !== undefined && node.kind !== 'literal') {
      return { span: documentSpan(source, node.start, node.end), markdown: codeBlock(displayType(type)) };
    }
  }
  return undefined;
}
