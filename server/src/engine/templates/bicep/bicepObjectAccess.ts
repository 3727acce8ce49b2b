import type { BicepObject, BicepObjectProperty } from './bicepSyntax';

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
