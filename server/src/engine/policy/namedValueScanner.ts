import { ForwardSearch } from './forwardSearch';
import type { NamedValueReference } from './syntaxTree';

/** APIM named value names: letters, digits, dot, dash and underscore. */
const NAMED_VALUE_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_NAME_LENGTH = 256;

/** Finds `{{name}}` references in `text.slice(start, end)`. Braces around anything else (Liquid, JSON) are ignored. */
export function scanNamedValues(
  text: string,
  start: number,
  end: number,
  opens: ForwardSearch = new ForwardSearch(text, '{{'),
  closes: ForwardSearch = new ForwardSearch(text, '}}'),
): NamedValueReference[] {
  let open = opens.next(start);
  if (open === -1 || open >= end) return [];
  const references: NamedValueReference[] = [];
  while (open !== -1 && open + 4 <= end) {
    const close = closes.next(open + 2);
    if (close === -1 || close + 2 > end) break;
    const raw = close - open - 2 <= MAX_NAME_LENGTH + 8 ? text.slice(open + 2, close) : '';
    const leading = raw.length - raw.trimStart().length;
    const name = raw.trim();
    if (name.length > 0 && NAMED_VALUE_NAME.test(name)) {
      const nameStart = open + 2 + leading;
      references.push({
        kind: 'named-value',
        name,
        span: { start: open, end: close + 2 },
        nameSpan: { start: nameStart, end: nameStart + name.length },
      });
      open = opens.next(close + 2);
    } else {
      open = opens.next(open + 1);
    }
  }
  return references;
}
