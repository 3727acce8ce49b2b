import type { Span } from '../../text/span';
import { evaluateBicepValue, type BicepScope } from './bicepEvaluation';
import type { BicepExpression } from './bicepSyntax';

/** Bicep functions that read a file next to the template at compile time. */
export type BicepFileFunction = 'loadTextContent' | 'loadFileAsBase64' | 'loadJsonContent' | 'loadYamlContent';

const FILE_FUNCTIONS: ReadonlySet<string> = new Set<BicepFileFunction>(['loadTextContent', 'loadFileAsBase64', 'loadJsonContent', 'loadYamlContent']);

export interface BicepFileReference {
  readonly functionName: BicepFileFunction;
  /** The path relative to the Bicep file, when it is known statically. */
  readonly path: string | undefined;
  /** The call, from the function name through `)`. */
  readonly span: Span;
  /** The path argument. */
  readonly pathSpan: Span | undefined;
}

/** When `expression` is `loadTextContent('policy.xml')` (or a sibling load function, optionally `sys.`-qualified), what it reads. */
export function bicepFileReference(expression: BicepExpression | undefined, scope: BicepScope): BicepFileReference | undefined {
  if (expression?.kind !== 'call' || !FILE_FUNCTIONS.has(expression.name.name)) return undefined;
  if (expression.base !== undefined && !(expression.base.kind === 'reference' && expression.base.name === 'sys')) return undefined;
  const pathArgument = expression.args[0];
  const evaluated = evaluateBicepValue(pathArgument, scope);
  return {
    functionName: expression.name.name as BicepFileFunction,
    path: evaluated.known && typeof evaluated.value === 'string' ? evaluated.value : undefined,
    span: expression.span,
    pathSpan: pathArgument?.span,
  };
}
