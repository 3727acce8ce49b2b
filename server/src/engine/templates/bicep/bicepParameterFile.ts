import type { Span } from '../../text/span';
import type { SuppliedParameters, TemplateValue } from '../templateModel';
import { createBicepScope, evaluateBicepValue } from './bicepEvaluation';
import { parseBicep } from './bicepParser';

/** What a `.bicepparam` file says: the template it is for and the values it assigns. */
export interface BicepParameterFile {
  /** The path after `using`, as written (relative to the parameters file); undefined for `using none` or none. */
  readonly templatePath: string | undefined;
  /** Every `param x = value`; a value that cannot be known before deployment is supplied but unknown. */
  readonly values: SuppliedParameters;
  /** Where each value is written in the parameters file. */
  readonly valueSpans: ReadonlyMap<string, Span>;
}

/** Reads a `.bicepparam` file. Never throws. */
export function readBicepParameterFile(text: string): BicepParameterFile {
  const { file } = parseBicep(text, { fileKind: 'parameters' });
  // The file's own `var`s (and params referring to params) are in scope for its values.
  const scope = createBicepScope(file);
  let templatePath: string | undefined;
  const values = new Map<string, TemplateValue>();
  const valueSpans = new Map<string, Span>();
  for (const declaration of file.declarations) {
    if (declaration.kind === 'using' && declaration.keyword === 'using') templatePath = declaration.path?.value;
    if (declaration.kind !== 'param' || declaration.name === undefined) continue;
    values.set(declaration.name.name, evaluateBicepValue(declaration.defaultValue, scope));
    if (declaration.defaultValue !== undefined) valueSpans.set(declaration.name.name, declaration.defaultValue.span);
  }
  return { templatePath, values, valueSpans };
}
