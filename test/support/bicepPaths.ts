import { findBicepProperty } from '../../server/src/engine/templates/bicep/bicepObjectAccess';
import type { BicepExpression, BicepObject, BicepObjectProperty } from '../../server/src/engine/templates/bicep/bicepSyntax';

/** Follows object literals along `path` (e.g. `['properties', 'format']`); undefined when any step is not a literal object property. */
export function bicepPropertyAtPath(object: BicepObject, path: readonly string[]): BicepObjectProperty | undefined {
  let current: BicepObject = object;
  let found: BicepObjectProperty | undefined;
  for (let step = 0; step < path.length; step++) {
    found = findBicepProperty(current, path[step]);
    if (found === undefined) return undefined;
    if (step < path.length - 1) {
      const value: BicepExpression | undefined = found.value;
      if (value?.kind !== 'object') return undefined;
      current = value;
    }
  }
  return found;
}
