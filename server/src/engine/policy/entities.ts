import { ForwardSearch } from './forwardSearch';

/**
 * XML character references. Only the five predefined entities and numeric references are ever
 * expanded: a policy document has no DTD we would honour, so `&custom;` is reported, never resolved.
 */

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export interface EntityProblem {
  readonly start: number;
  readonly end: number;
  readonly kind: 'unknown-entity' | 'bare-ampersand' | 'invalid-character-reference';
  readonly name: string;
}

export interface DecodedText {
  readonly value: string;
  readonly problems: EntityProblem[];
}

const MAX_ENTITY_LENGTH = 32;

/**
 * Decodes `text.slice(start, end)`. Regions listed in `verbatim` (policy expressions) are still decoded
 * (APIM sees the decoded text) but bare `&` inside them is not a problem: APIM reads `&&` there as C#.
 */
export function decodeEntities(
  text: string,
  start: number,
  end: number,
  verbatim: readonly { start: number; end: number }[] = [],
  ampersands: ForwardSearch = new ForwardSearch(text, '&'),
): DecodedText {
  const firstAmpersand = ampersands.next(start);
  if (firstAmpersand === -1 || firstAmpersand >= end) return { value: text.slice(start, end), problems: [] };
  const problems: EntityProblem[] = [];
  let value = '';
  let cursor = start;
  let pos = firstAmpersand;
  while (pos !== -1 && pos < end) {
    value += text.slice(cursor, pos);
    const semicolon = semicolonWithin(text, pos + 1, Math.min(end, pos + MAX_ENTITY_LENGTH + 1));
    const reference = semicolon !== -1 ? text.slice(pos + 1, semicolon) : undefined;
    const insideExpression = verbatim.some((region) => pos >= region.start && pos < region.end);
    const replacement = reference === undefined ? undefined : resolveReference(reference);
    if (reference !== undefined && replacement !== undefined) {
      value += replacement;
      cursor = semicolon + 1;
    } else {
      if (!insideExpression) {
        if (reference !== undefined && /^[A-Za-z_][\w.-]*$/.test(reference)) {
          problems.push({ start: pos, end: semicolon + 1, kind: 'unknown-entity', name: reference });
        } else if (reference?.startsWith('#')) {
          problems.push({ start: pos, end: semicolon + 1, kind: 'invalid-character-reference', name: reference });
        } else {
          problems.push({ start: pos, end: pos + 1, kind: 'bare-ampersand', name: '' });
        }
      }
      value += '&';
      cursor = pos + 1;
    }
    pos = ampersands.next(cursor);
  }
  value += text.slice(cursor, end);
  return { value, problems };
}

/** The first `;` in [from, to), or -1: an entity name is short, so the search never runs far. */
function semicolonWithin(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 59) return index;
  return -1;
}

function resolveReference(reference: string): string | undefined {
  const predefined = PREDEFINED[reference];
  if (predefined !== undefined) return predefined;
  if (reference.startsWith('#')) {
    const hex = reference[1] === 'x' || reference[1] === 'X';
    const digits = reference.slice(hex ? 2 : 1);
    if (digits.length === 0 || !(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) return undefined;
    const codePoint = parseInt(digits, hex ? 16 : 10);
    if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    return String.fromCodePoint(codePoint);
  }
  return undefined;
}
