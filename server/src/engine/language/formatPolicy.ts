import { parsePolicy } from '../policy/policyParser';
import type { XmlElement, XmlNode } from '../policy/syntaxTree';
import type { Span } from '../text/span';
import { resolveElement } from './elementResolution';

export interface FormattingOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

export interface FormattingEdit {
  readonly span: Span;
  readonly newText: string;
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** Keeps the line breaks of a whitespace run (blank lines stay), drops its spaces and ends it with the indent. */
function reindented(whitespace: string, indent: string): string {
  return (whitespace.match(LINE_BREAK) ?? []).join('') + indent;
}

function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

function hasLineBreak(text: string): boolean {
  return /[\r\n]/.test(text);
}

/**
 * The edit for one whitespace run, trimmed to the characters that actually change, so unchanged
 * indentation produces no edit and changed indentation a small one.
 */
function minimalEdit(text: string, span: Span, newText: string): FormattingEdit | undefined {
  const oldText = text.slice(span.start, span.end);
  if (oldText === newText) return undefined;
  let prefix = 0;
  while (prefix < oldText.length && prefix < newText.length && oldText[prefix] === newText[prefix]) prefix++;
  let suffix = 0;
  while (suffix < oldText.length - prefix && suffix < newText.length - prefix && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix])
    suffix++;
  return { span: { start: span.start + prefix, end: span.end - suffix }, newText: newText.slice(prefix, newText.length - suffix) };
}

/**
 * Whether whitespace between an element's children is layout, not data. Text-valued policies
 * (`set-body`, `value`, ...), foreign markup and anything holding text or CDATA keep their interior
 * exactly, since the whitespace there reaches the request, the response or a template.
 */
function interiorIsLayout(element: XmlElement): boolean {
  if (element.selfClosing || !element.endTag) return false;
  const content = resolveElement(element).shape?.content;
  if (content === 'text' || content === 'markup') return false;
  return element.children.every((child) => child.kind !== 'cdata' && (child.kind !== 'text' || isBlank(child.value)));
}

class Formatter {
  readonly edits: FormattingEdit[] = [];

  constructor(
    private readonly text: string,
    private readonly unit: string,
  ) {}

  private indent(depth: number): string {
    return this.unit.repeat(depth);
  }

  private replaceWhitespace(span: Span, depth: number): void {
    const raw = this.text.slice(span.start, span.end);
    if (!isBlank(raw) || !hasLineBreak(raw)) return;
    const edit = minimalEdit(this.text, span, reindented(raw, this.indent(depth)));
    if (edit) this.edits.push(edit);
  }

  /** Attributes continued on their own lines sit one level deeper than the element; a `>` on its own line aligns with it. */
  private formatStartTag(element: XmlElement, depth: number): void {
    if (!element.startTagClosed) return;
    let previousEnd = element.nameSpan.end;
    for (const attribute of element.attributes) {
      this.replaceWhitespace({ start: previousEnd, end: attribute.span.start }, depth + 1);
      previousEnd = attribute.span.end;
    }
    const close = element.startTagSpan.end - (element.selfClosing ? 2 : 1);
    if (close >= previousEnd) this.replaceWhitespace({ start: previousEnd, end: close }, depth);
  }

  /** Re-indents the whitespace before each child (at `depth`) and before the closing tag (one level up). */
  formatChildren(children: readonly XmlNode[], depth: number, hasEndTag: boolean): void {
    const pending: { element: XmlElement; depth: number }[] = [];
    children.forEach((child, index) => {
      if (child.kind === 'text') {
        const isLast = index === children.length - 1;
        if (!isLast) this.replaceWhitespace(child.span, depth);
        else if (hasEndTag) this.replaceWhitespace(child.span, Math.max(0, depth - 1));
      } else if (child.kind === 'element') {
        pending.push({ element: child, depth });
      }
    });
    for (const { element, depth: elementDepth } of pending) {
      this.formatStartTag(element, elementDepth);
      if (interiorIsLayout(element)) this.formatChildren(element.children, elementDepth + 1, true);
    }
  }
}

/**
 * Re-indents a policy document: whitespace between elements, comments and the attributes of a
 * start tag. Expression code, text content, CDATA and comment interiors are never touched, nothing
 * is moved onto other lines, and a document with syntax errors gets no edits. Recursion follows the
 * element tree, which the parser caps at MAX_ELEMENT_DEPTH.
 */
export function formatPolicy(text: string, options: FormattingOptions): FormattingEdit[] {
  const { document, findings } = parsePolicy(text);
  if (findings.some((finding) => finding.severity === 'error')) return [];
  const unit = options.insertSpaces ? ' '.repeat(Math.max(1, Math.min(options.tabSize, 16))) : '\t';
  const formatter = new Formatter(text, unit);
  formatter.formatChildren(document.children, 0, false);
  return formatter.edits;
}
