import type { Finding, Fix, TextEdit } from '../findings/finding';
import type { Span } from '../text/span';
import { valueSpanToSource, type DecodedText } from './bicep/bicepStringValue';
import type { HostStringStyle } from './templateDialect';

/**
 * The source offset of a decoded offset when it sits on a character boundary of the source (not inside
 * an escape such as `\u0041`); undefined otherwise. The end of the value maps to the end of the text.
 */
export function exactSourceOffset(text: DecodedText, valueOffset: number): number | undefined {
  if (valueOffset < 0 || valueOffset > text.value.length) return undefined;
  if (valueOffset === text.value.length) return text.sourceSpan.end;
  const { runs } = text;
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid].valueStart <= valueOffset) low = mid;
    else high = mid - 1;
  }
  const run = runs[low];
  if (run === undefined) return undefined;
  if (run.verbatim) return run.sourceStart + (valueOffset - run.valueStart);
  return valueOffset === run.valueStart ? run.sourceStart : undefined;
}

function mapEdit(edit: TextEdit, text: DecodedText, style: HostStringStyle): TextEdit | undefined {
  const start = exactSourceOffset(text, edit.span.start);
  const end = exactSourceOffset(text, edit.span.end);
  const newText = style.escape(edit.newText);
  if (start === undefined || end === undefined || newText === undefined || end < start) return undefined;
  return { span: { start, end }, newText };
}

function mapFix(fix: Fix, text: DecodedText, style: HostStringStyle): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const edit of fix.edits) {
    const mapped = mapEdit(edit, text, style);
    if (mapped === undefined) return undefined;
    edits.push(mapped);
  }
  return { ...fix, edits };
}

/**
 * Moves a finding of an embedded document into its host: the span lands on the characters that produced
 * it (widened to whole escapes), and each fix is re-escaped for the host string. A fix that cannot be
 * mapped exactly is dropped; the finding never is.
 */
export function mapEmbeddedFinding(finding: Finding, text: DecodedText, style: HostStringStyle): Finding {
  const span: Span = valueSpanToSource(text, finding.span);
  const fixes = finding.fixes.map((fix) => mapFix(fix, text, style)).filter((fix): fix is Fix => fix !== undefined);
  return { ...finding, span, fixes };
}

/**
 * The decoded offset of a source offset inside the literal text (the inverse of exactSourceOffset): inside an escape,
 * the offset of the character it produces. Undefined outside the literal text.
 */
export function sourceOffsetToValue(text: DecodedText, sourceOffset: number): number | undefined {
  if (sourceOffset < text.sourceSpan.start || sourceOffset > text.sourceSpan.end) return undefined;
  if (sourceOffset === text.sourceSpan.end) return text.value.length;
  const { runs } = text;
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid].sourceStart <= sourceOffset) low = mid;
    else high = mid - 1;
  }
  const run = runs[low];
  if (run === undefined) return undefined;
  return run.verbatim ? run.valueStart + Math.min(sourceOffset - run.sourceStart, run.valueLength) : run.valueStart;
}
