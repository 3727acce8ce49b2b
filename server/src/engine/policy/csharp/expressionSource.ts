import type { Span } from '../../text/span';

/**
 * The C# text of one policy expression as APIM compiles it: XML character references (`&quot;`, `&lt;`,
 * `&amp;`, ...) decoded, with the document offset of every code character kept, so a problem found in
 * the C# lands on the exact characters of the XML. Bare `&` (as in `&&`) stays as it is.
 */
export interface ExpressionSource {
  readonly code: string;
  /** Document offset of code index 0. */
  readonly base: number;
  /** Document offset of each code index (one extra entry for the end); undefined when nothing was decoded, so index + base. */
  readonly offsets: Int32Array | undefined;
}

function offsetOf(source: ExpressionSource, index: number): number {
  return source.offsets ? source.offsets[index] : source.base + index;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character reference at `pos` (which holds `&`): its text and length, or undefined. */
function referenceAt(text: string, pos: number, end: number): { value: string; length: number } | undefined {
  const limit = Math.min(end, pos + 12);
  let semicolon = -1;
  for (let index = pos + 1; index < limit; index++) {
    if (text.charCodeAt(index) === 59) {
      semicolon = index;
      break;
    }
  }
  if (semicolon === -1) return undefined;
  const name = text.slice(pos + 1, semicolon);
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return { value: predefined, length: semicolon + 1 - pos };
  const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(name);
  if (!numeric) return undefined;
  const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return { value: String.fromCodePoint(codePoint), length: semicolon + 1 - pos };
}

export function expressionSource(text: string, codeSpan: Span): ExpressionSource {
  const { start, end } = codeSpan;
  // Look for `&` only within the code: an unbounded indexOf would scan the rest of the document for every
  // expression, which is quadratic on a document of many unterminated expressions.
  let ampersand = start;
  while (ampersand < end && text.charCodeAt(ampersand) !== 38) ampersand++;
  if (ampersand >= end) return { code: text.slice(start, end), base: start, offsets: undefined };
  const parts: string[] = [];
  const offsets: number[] = [];
  let pos = start;
  while (pos < end) {
    if (text.charCodeAt(pos) === 38) {
      const reference = referenceAt(text, pos, end);
      if (reference) {
        parts.push(reference.value);
        for (let index = 0; index < reference.value.length; index++) offsets.push(pos);
        pos += reference.length;
        continue;
      }
    }
    parts.push(text[pos]);
    offsets.push(pos);
    pos++;
  }
  offsets.push(end);
  return { code: parts.join(''), base: start, offsets: Int32Array.from(offsets) };
}

/** The document range of code range [start, end). An empty range stays empty. */
export function documentSpan(source: ExpressionSource, start: number, end: number): Span {
  const last = source.code.length;
  const from = offsetOf(source, Math.max(0, Math.min(start, last)));
  if (end <= start) return { start: from, end: from };
  // The end is just past the last character's own text (an entity is several characters long).
  const lastChar = Math.max(0, Math.min(end - 1, last));
  const afterLast = offsetOf(source, Math.min(lastChar + 1, last));
  return { start: from, end: Math.max(afterLast, from + 1) };
}

/** The code index at a document offset (the character it falls on, or the end). */
export function codeIndexAt(source: ExpressionSource, offset: number): number {
  const offsets = source.offsets;
  if (!offsets) return Math.max(0, Math.min(offset - source.base, source.code.length));
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
