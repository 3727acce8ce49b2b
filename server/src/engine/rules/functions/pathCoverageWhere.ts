import type { EffectiveStatement } from '../../workspace/effectiveStatement';

/**
 * Like `pathCoverage`, for statements picked by a test rather than by name (a policy that only counts with
 * some attributes). `every-path` when a matching statement runs on every path through the statements
 * (directly, in a container body, or in every branch of a `choose` with `otherwise`); `some-paths` when
 * only some branches have one. A matching statement's own children are not searched.
 */
/** How much of a chain's flow a check covers: every path, some paths, or none. */
export type PathCoverage = 'every-path' | 'some-paths' | 'none';

export function pathCoverageWhere(statements: readonly EffectiveStatement[], matches: (statement: EffectiveStatement) => boolean): PathCoverage {
  let partial = false;
  for (const statement of statements) {
    if (matches(statement)) return 'every-path';
    if (statement.name === 'choose') {
      const branches = statement.children.filter((child) => child.name === 'when' || child.name === 'otherwise');
      const coverages = branches.map((branch) => pathCoverageWhere(branch.children, matches));
      const hasOtherwise = branches.some((branch) => branch.name === 'otherwise');
      if (hasOtherwise && coverages.length > 0 && coverages.every((coverage) => coverage === 'every-path')) return 'every-path';
      if (coverages.some((coverage) => coverage !== 'none')) partial = true;
    } else if (statement.children.length > 0) {
      const inner = pathCoverageWhere(statement.children, matches);
      if (inner === 'every-path') return 'every-path';
      if (inner === 'some-paths') partial = true;
    }
  }
  return partial ? 'some-paths' : 'none';
}
