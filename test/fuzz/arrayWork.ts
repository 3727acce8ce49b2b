/**
 * Counts the elements array scans may visit while `work` runs: the length of the array for each `find`,
 * `findIndex`, `filter`, `some`, `every`, `map`, `forEach`, `indexOf` and `includes`. An upper bound, machine
 * independent, so a scan per item of a list (quadratic) shows without timing anything.
 */
export function countArrayWork(work: () => void): number {
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const names = ['find', 'findIndex', 'filter', 'some', 'every', 'map', 'forEach', 'indexOf', 'includes'];
  const originals = new Map(names.map((name) => [name, proto[name]]));
  let units = 0;
  for (const [name, original] of originals) {
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      units += this.length + 1;
      return original.apply(this, args);
    };
  }
  try {
    work();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return units;
}
