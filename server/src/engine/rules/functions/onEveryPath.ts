import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { pathCoverageWhere, type PathCoverage } from './pathCoverageWhere';

/**
 * Whether one of the named policies runs on every path through the statements: directly, inside a
 * `retry`/`limit-concurrency`/`wait` body, or in every branch of a `choose` that has an `otherwise`.
 * `some-paths` when it appears only in some branches.
 */
export function pathCoverage(statements: readonly EffectiveStatement[], names: readonly string[]): PathCoverage {
  const wanted = new Set(names);
  return pathCoverageWhere(statements, (statement) => wanted.has(statement.name));
}
