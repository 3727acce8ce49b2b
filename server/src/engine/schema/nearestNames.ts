/** "Did you mean" suggestions for misspelled element, attribute and value names. */

const MAX_COMPARED_LENGTH = 64;

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < rows; i++) table[i][0] = i;
  for (let j = 0; j < columns; j++) table[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, table[i - 2][j - 2] + 1);
      table[i][j] = best;
    }
  }
  return table[a.length][b.length];
}

/**
 * The candidates closest to `name`, when close enough to be a typo: at most 2 edits and at most a third
 * of the name. Case-only differences count as the closest possible match.
 */
export function nearestNames(name: string, candidates: Iterable<string>): string[] {
  if (name.length === 0 || name.length > MAX_COMPARED_LENGTH) return [];
  const limit = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance > limit || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    found.push(candidate);
  }
  return found;
}
