import type { BicepExpression, BicepObject, BicepObjectProperty } from './bicepSyntax';

/**
 * The property `name` of an object literal. ARM matches property names without regard to case, so an
 * exact match wins and otherwise the first case-insensitive match is returned.
 */
export function findBicepProperty(object: BicepObject, name: string): BicepObjectProperty | undefined {
  let loose: BicepObjectProperty | undefined;
  const lower = name.toLowerCase();
  for (const member of object.members) {
    if (member.kind !== 'property' || member.key === undefined) continue;
    if (member.key === name) return member;
    if (loose === undefined && member.key.toLowerCase() === lower) loose = member;
  }
  return loose;
}

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
