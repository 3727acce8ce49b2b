import type { TextEdit } from '../../findings/finding';
import { childElements, type XmlDocument, type XmlElement } from '../../policy/syntaxTree';
import { POLICY_SECTIONS, type PolicySection } from '../../policy/policyVocabulary';
import { indentationOf, sectionElement } from '../../policy/treeQueries';

/** Removes an element together with its line's indentation and line break, so no blank line is left. */
export function removeElementEdit(text: string, element: XmlElement): TextEdit {
  let start = element.span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const atLineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  if (!atLineStart) return { span: element.span, newText: '' };
  let end = element.span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { span: { start, end }, newText: '' };
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The document's indentation step: the first child's indentation relative to the root, else two spaces. */
export function indentUnit(document: XmlDocument): string {
  const root = document.root;
  const firstChild = root && childElements(root)[0];
  if (!root || !firstChild) return '  ';
  const rootIndent = indentationOf(document.text, root);
  const childIndent = indentationOf(document.text, firstChild);
  return childIndent.length > rootIndent.length && childIndent.startsWith(rootIndent) ? childIndent.slice(rootIndent.length) : '  ';
}

/**
 * Inserts `markup` (one or more lines, unindented) as a child of `parent`: after `after` when given, otherwise
 * as the first child. Expands a self-closing parent. Lines are indented like the parent's children.
 */
export function insertChildEdit(document: XmlDocument, parent: XmlElement, markup: string, after?: XmlElement): TextEdit {
  const text = document.text;
  const newline = lineBreakOf(text);
  const parentIndent = indentationOf(text, parent);
  const siblings = childElements(parent);
  const childIndent = siblings.length > 0 ? indentationOf(text, siblings[0]) || parentIndent + indentUnit(document) : parentIndent + indentUnit(document);
  const indented = markup
    .split('\n')
    .map((line) => (line.length > 0 ? childIndent + line : line))
    .join(newline);
  if (parent.selfClosing) {
    const openTag = text.slice(parent.startTagSpan.start, parent.startTagSpan.end).replace(/\s*\/>$/, '>');
    return { span: parent.span, newText: `${openTag}${newline}${indented}${newline}${parentIndent}</${parent.name}>` };
  }
  const anchorEnd = after ? after.span.end : parent.startTagSpan.end;
  return { span: { start: anchorEnd, end: anchorEnd }, newText: `${newline}${indented}` };
}

/** Inserts a whole section (`<inbound>` ...) into a `<policies>` root, before `before` or at the end. */
export function insertSectionEdit(document: XmlDocument, root: XmlElement, markup: string, before?: XmlElement): TextEdit {
  const text = document.text;
  const newline = lineBreakOf(text);
  const indent = indentationOf(text, root) + indentUnit(document);
  const indented = markup
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join(newline);
  if (before) {
    const at = before.span.start - indentationOf(text, before).length;
    return { span: { start: at, end: at }, newText: `${indented}${newline}` };
  }
  const at = root.endTag ? root.endTag.span.start - indentationOf(text, root).length : root.span.end;
  return { span: { start: at, end: at }, newText: `${indented}${newline}` };
}

/**
 * Adds a policy to a section of a `<policies>` document: right after its `<base />` (so the parent's
 * policies still run first), else as the first child; creates the section (with `<base />`) when missing.
 * Undefined when the document has no `<policies>` root.
 */
export function insertIntoSectionEdit(document: XmlDocument, section: PolicySection, markup: string): TextEdit | undefined {
  const root = document.root;
  if (root?.name !== 'policies') return undefined;
  const existing = sectionElement(document, section);
  if (existing) {
    const base = childElements(existing).find((child) => child.name === 'base');
    return insertChildEdit(document, existing, markup, base);
  }
  const unit = indentUnit(document);
  const body = markup
    .split('\n')
    .map((line) => (line.length > 0 ? unit + line : line))
    .join('\n');
  const sections = childElements(root);
  const order = POLICY_SECTIONS.indexOf(section);
  const before = sections.find((candidate) => POLICY_SECTIONS.indexOf(candidate.name as PolicySection) > order);
  return insertSectionEdit(document, root, `<${section}>\n${unit}<base />\n${body}\n</${section}>`, before);
}
