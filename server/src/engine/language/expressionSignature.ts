import type { PolicyExpression } from '../policy/syntaxTree';
import { displayType } from '../expressions/expressionTypes';
import { expressionPosition, nodesAround } from './expressionAtOffset';

/** A call's signature while its arguments are typed (plain data; the server maps it to SignatureHelp). */
export interface ExpressionSignature {
  /** `string IRequest.Headers.GetValueOrDefault(string name, string defaultValue)` style label. */
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly string[];
  readonly activeParameter: number;
}

/** The parameters written in a signature such as `Substring(int start, int length)`. */
function parametersOf(signature: string): string[] {
  const open = signature.indexOf('(');
  const close = signature.lastIndexOf(')');
  if (open < 0 || close <= open + 1) return [];
  const parameters: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let index = open + 1; index < close; index++) {
    const character = signature[index];
    if (character === '<' || character === '(') depth++;
    else if (character === '>' || character === ')') depth--;
    else if (character === ',' && depth === 0) {
      parameters.push(signature.slice(start, index).trim());
      start = index + 1;
    }
  }
  parameters.push(signature.slice(start, close).trim());
  return parameters;
}

/** Signature help inside the innermost call around the offset whose method the model knows. */
export function expressionSignature(expression: PolicyExpression, offset: number): ExpressionSignature | undefined {
  const position = expressionPosition(expression, offset);
  const path = nodesAround(expression, position.index, true);
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index];
    if (node.kind !== 'call' || node.target.kind !== 'member') continue;
    const openIndex = expression.csharp.source.code.indexOf('(', node.target.nameEnd);
    // Only between the parentheses (the closing one included while it is still missing).
    if (openIndex < 0 || position.index <= openIndex || (node.closed && position.index >= node.end)) continue;
    const resolved = position.types.memberOf(node.target);
    if (resolved?.member.kind !== 'method' || resolved.member.signature === undefined) return undefined;
    const parameters = parametersOf(resolved.member.signature);
    const active = node.args.findIndex((arg) => position.index <= arg.end);
    return {
      label: `${resolved.member.type} ${displayType(resolved.owner)}.${resolved.member.signature}`,
      documentation: resolved.member.description,
      parameters,
      activeParameter: Math.max(0, Math.min(active === -1 ? node.args.length - 1 : active, parameters.length - 1)),
    };
  }
  return undefined;
}
