/** A half-open range of UTF-16 offsets into a document's text: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function containsOffset(range: Span, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
