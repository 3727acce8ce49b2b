import type { Span } from '../../text/span';

/**
 * How a decoded string value lines up with its source text. Plain characters map one to one; an
 * escape such as `\n` or `\u{1F642}` maps its one or two decoded code units to the whole escape.
 * Runs are sorted by `valueStart` and cover the value without gaps.
 */
export interface ValueRun {
  readonly valueStart: number;
  readonly valueLength: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** True for a run of plain characters (offsets inside it map one to one). */
  readonly verbatim: boolean;
}

/** A decoded piece of literal text with the map back to the source. */
export interface DecodedText {
  readonly value: string;
  /** The source range of the literal text (quotes, `${` and `}` excluded). */
  readonly sourceSpan: Span;
  readonly runs: readonly ValueRun[];
}

function runIndexAt(runs: readonly ValueRun[], valueOffset: number): number {
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid].valueStart <= valueOffset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The source offset where the decoded character at `valueOffset` begins; `value.length` (and beyond)
 * maps to the end of the literal text. A character produced by an escape maps to the escape's start.
 */
export function valueOffsetToSource(text: DecodedText, valueOffset: number): number {
  const { runs } = text;
  if (runs.length === 0 || valueOffset <= 0) return text.sourceSpan.start;
  if (valueOffset >= text.value.length) return text.sourceSpan.end;
  const run = runs[runIndexAt(runs, valueOffset)];
  return run.verbatim ? run.sourceStart + (valueOffset - run.valueStart) : run.sourceStart;
}

/** The source offset just after the decoded character that ends at `valueOffset` (exclusive end). */
function valueEndToSource(text: DecodedText, valueOffset: number): number {
  const { runs } = text;
  if (runs.length === 0 || valueOffset <= 0) return text.sourceSpan.start;
  if (valueOffset >= text.value.length) return text.sourceSpan.end;
  const run = runs[runIndexAt(runs, valueOffset - 1)];
  return run.verbatim ? run.sourceStart + (valueOffset - run.valueStart) : run.sourceEnd;
}

/**
 * Maps a range of the decoded value to source offsets, widening to whole escapes, so a diagnostic
 * inside an embedded document lands on exactly the characters that produced it.
 */
export function valueSpanToSource(text: DecodedText, range: Span): Span {
  const start = valueOffsetToSource(text, range.start);
  const end = Math.max(start, valueEndToSource(text, Math.max(range.start, range.end)));
  return { start, end };
}

/** Builds a DecodedText incrementally while a string is scanned. */
export class DecodedTextBuilder {
  private value = '';
  private readonly runs: ValueRun[] = [];

  /** Appends source characters that decode to themselves. */
  appendVerbatim(source: string, sourceStart: number, sourceEnd: number): void {
    if (sourceEnd <= sourceStart) return;
    const last = this.runs[this.runs.length - 1];
    if (last?.verbatim && last.sourceEnd === sourceStart) {
      this.runs[this.runs.length - 1] = { ...last, valueLength: last.valueLength + (sourceEnd - sourceStart), sourceEnd };
    } else {
      this.runs.push({ valueStart: this.value.length, valueLength: sourceEnd - sourceStart, sourceStart, sourceEnd, verbatim: true });
    }
    this.value += source.slice(sourceStart, sourceEnd);
  }

  /** Appends the decoded characters of one escape sequence spanning `sourceStart..sourceEnd`. */
  appendEscape(decoded: string, sourceStart: number, sourceEnd: number): void {
    this.runs.push({ valueStart: this.value.length, valueLength: decoded.length, sourceStart, sourceEnd, verbatim: false });
    this.value += decoded;
  }

  build(sourceSpan: Span): DecodedText {
    return { value: this.value, sourceSpan, runs: this.runs };
  }
}
