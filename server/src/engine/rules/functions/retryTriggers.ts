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

/** The status codes of the processed set that some `StatusCode` comparison in the code lets through. */
function statusesCompared(code: string): Set<number> {
  const found = new Set<number>();
  for (const match of code.matchAll(COMPARISON)) {
    const operator = match[1] ?? MIRRORED[match[4]];
    const bound = Number(match[2] ?? match[3]);
    for (const status of PROCESSED_STATUSES) if (holds(status, operator, bound)) found.add(status);
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
