import { scanNamedValues } from '../../policy/namedValueScanner';
import type { Embedded, XmlAttribute, XmlElement } from '../../policy/syntaxTree';
import type { Span } from '../../text/span';

/**
 * A place in the source that holds one value: an attribute value or an element's text (or CDATA) content.
 * `raw` is the source text exactly as written (entities not decoded), so offsets into it map 1:1 to the document.
 */
export interface ValueSite {
  readonly span: Span;
  readonly raw: string;
  readonly embedded: readonly Embedded[];
}

export function attributeSite(text: string, node: XmlAttribute | undefined): ValueSite | undefined {
  if (!node?.valueSpan) return undefined;
  return { span: node.valueSpan, raw: text.slice(node.valueSpan.start, node.valueSpan.end), embedded: node.embedded };
}

/** The element's content when it is one text or CDATA run (blank text and comments around it are ignored). */
export function textSite(text: string, element: XmlElement): ValueSite | undefined {
  const runs = element.children.filter(
    (child) => child.kind === 'element' || child.kind === 'cdata' || (child.kind === 'text' && child.value.trim().length > 0),
  );
  if (runs.length !== 1) return undefined;
  const only = runs[0];
  if (only.kind === 'text') return { span: only.span, raw: text.slice(only.span.start, only.span.end), embedded: only.embedded };
  if (only.kind === 'cdata') {
    const { start, end } = only.contentSpan;
    return { span: only.contentSpan, raw: text.slice(start, end), embedded: scanNamedValues(text, start, end) };
  }
  return undefined;
}

/** A value with no expression and no named value: what is written is what the gateway uses. */
export function isLiteralSite(site: ValueSite): boolean {
  return site.embedded.length === 0;
}

/** The site without surrounding whitespace, and its raw text. */
export function trimmedSite(site: ValueSite): { span: Span; raw: string } {
  const leading = site.raw.length - site.raw.trimStart().length;
  const raw = site.raw.trim();
  const start = site.span.start + leading;
  return { span: { start, end: start + raw.length }, raw };
}

/** The raw text with named value references blanked out (same length), so patterns never match inside them. */
export function rawWithoutNamedValues(site: ValueSite): string {
  let raw = site.raw;
  for (const item of site.embedded) {
    if (item.kind !== 'named-value') continue;
    const from = item.span.start - site.span.start;
    const to = item.span.end - site.span.start;
    raw = raw.slice(0, from) + ' '.repeat(to - from) + raw.slice(to);
  }
  return raw;
}
