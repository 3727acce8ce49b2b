/**
 * Why a retry `condition` may repeat a request the backend already processed, or undefined when it only
 * retries on answers that mean "not processed" (429, 503, other 4xx) or checks nothing we understand.
 * Reads the decoded C# code of the condition, or the literal value.
 */
export function retriesAfterPossibleProcessing(condition: string): string | undefined {
  const code = condition.trim();
  if (/^(?:true|\(\s*true\s*\))$/.test(code)) return 'it always retries';
  if (/\bResponse\s*(?:==|is)\s*null\b|\bnull\s*==\s*context\s*\.\s*Response\b/.test(code)) {
    return 'it retries when no response arrived (a timeout or dropped connection), after the backend may have acted';
  }
  const statuses = [...statusesCompared(code)].filter((status) => PROCESSED_STATUSES.includes(status));
  if (statuses.length > 0) return `it retries on status ${statuses.join(', ')}, which the backend can return after acting`;
  return undefined;
}

/** Server errors that do not promise the request was left alone (503 usually means it was refused). */
const PROCESSED_STATUSES = [500, 502, 504];

const COMPARISON = /StatusCode\s*(==|!=|>=|<=|>|<)\s*(\d{3})\b|\b(\d{3})\s*(==|!=|>=|<=|>|<)\s*[\w.?()]*StatusCode/g;
const MIRRORED: Readonly<Record<string, string>> = { '==': '==', '!=': '!=', '>=': '<=', '<=': '>=', '>': '<', '<': '>' };

/**
 * The statuses of the processed set that the condition lets through. Approximates C# precedence: the code is
 * split at `||`, and within each part every `StatusCode` comparison (joined by `&&`) must hold.
 */
function statusesCompared(code: string): Set<number> {
  const found = new Set<number>();
  for (const alternative of code.split('||')) {
    const comparisons = [...alternative.matchAll(COMPARISON)].map((match) => ({
      operator: match[1] ?? MIRRORED[match[4]],
      bound: Number(match[2] ?? match[3]),
    }));
    if (comparisons.length === 0) continue;
    for (const status of PROCESSED_STATUSES) {
      if (comparisons.every(({ operator, bound }) => holds(status, operator, bound))) found.add(status);
    }
  }
  return found;
}

function holds(status: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '==':
      return status === bound;
    case '!=':
      return status !== bound;
    case '>=':
      return status >= bound;
    case '<=':
      return status <= bound;
    case '>':
      return status > bound;
    default:
      return status < bound;
  }
}
