import type { EffectiveStatement } from '../../workspace/effectiveStatement';

export type PathCoverage = 'every-path' | 'some-paths' | 'none';

/**
 * Whether one of the named policies runs on every path through the statements: directly, inside a
 * `retry`/`limit-concurrency`/`wait` body, or in every branch of a `choose` that has an `otherwise`.
 * `some-paths` when it appears only in some branches.
 */
export function pathCoverage(statements: readonly EffectiveStatement[], names: readonly string[]): PathCoverage {
  const wanted = new Set(names);
  let partial = false;
  for (const statement of statements) {
    if (wanted.has(statement.name)) return 'every-path';
    if (statement.name === 'choose') {
      const branches = statement.children.filter((child) => child.name === 'when' || child.name === 'otherwise');
      const coverages = branches.map((branch) => pathCoverage(branch.children, names));
      const hasOtherwise = branches.some((branch) => branch.name === 'otherwise');
      if (hasOtherwise && coverages.length > 0 && coverages.every((coverage) => coverage === 'every-path')) return 'every-path';
      if (coverages.some((coverage) => coverage !== 'none')) partial = true;
    } else if (statement.children.length > 0) {
      const inner = pathCoverage(statement.children, names);
      if (inner === 'every-path') return 'every-path';
      if (inner === 'some-paths') partial = true;
    }
  }
  return partial ? 'some-paths' : 'none';
}
