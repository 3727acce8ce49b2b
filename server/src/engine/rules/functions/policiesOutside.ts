import type { EffectiveStatement } from '../../workspace/effectiveStatement';

/**
 * The statements named `names` (at any depth, in run order) that no statement named `enclosers` contains,
 * for example every `forward-request` that runs outside a `retry`.
 */
export function policiesOutside(statements: readonly EffectiveStatement[], names: readonly string[], enclosers: readonly string[]): EffectiveStatement[] {
  const found: EffectiveStatement[] = [];
  const visit = (list: readonly EffectiveStatement[]): void => {
    for (const statement of list) {
      if (enclosers.includes(statement.name)) continue;
      if (names.includes(statement.name)) found.push(statement);
      visit(statement.children);
    }
  };
  visit(statements);
  return found;
}
