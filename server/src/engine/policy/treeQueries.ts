import { isPolicySection, type PolicySection } from './policyVocabulary';
import type { PolicyExpression, XmlAttribute, XmlDocument, XmlElement, XmlNode } from './syntaxTree';

/** Every element among `nodes` and below them, in document order (iterative; the tree is depth-limited anyway). */
export function elementsIn(nodes: readonly XmlNode[]): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlNode[] = [...nodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (node.kind !== 'element') continue;
    found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]);
  }
  return found;
}

/** A document's elements in document order and by name, built on first use: every rule then shares one walk. */
interface ElementIndex {
  readonly all: readonly XmlElement[];
  readonly byName: ReadonlyMap<string, readonly XmlElement[]>;
}

const ELEMENT_INDEXES = new WeakMap<XmlDocument, ElementIndex>();

function elementIndex(document: XmlDocument): ElementIndex {
  const cached = ELEMENT_INDEXES.get(document);
  if (cached) return cached;
  const all = elementsIn(document.children);
  const byName = new Map<string, XmlElement[]>();
  for (const element of all) {
    const named = byName.get(element.name);
    if (named) named.push(element);
    else byName.set(element.name, [element]);
  }
  const index = { all, byName };
  ELEMENT_INDEXES.set(document, index);
  return index;
}

/** Every element of the document in document order. */
export function allElements(document: XmlDocument): readonly XmlElement[] {
  return elementIndex(document).all;
}

/** Every policy expression of the document (in attribute values and element text), in document order. */
export function allExpressions(document: XmlDocument): PolicyExpression[] {
  const found: PolicyExpression[] = [];
  for (const element of allElements(document)) {
    for (const item of element.attributes) for (const embedded of item.embedded) if (embedded.kind === 'expression') found.push(embedded);
    for (const child of element.children) {
      if (child.kind === 'text') for (const embedded of child.embedded) if (embedded.kind === 'expression') found.push(embedded);
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** The elements with one of the names, in document order. */
export function elementsNamed(document: XmlDocument, ...names: string[]): readonly XmlElement[] {
  const index = elementIndex(document);
  if (names.length === 1) return index.byName.get(names[0]) ?? [];
  return index.all.filter((element) => names.includes(element.name));
}

/** The section (inbound, backend, outbound, on-error) an element is in, for `<policies>` documents. */
export function sectionOf(element: XmlElement): PolicySection | undefined {
  for (let current: XmlElement | undefined = element; current; current = current.parent) {
    if (current.parent?.name === 'policies' && current.parent.parent === undefined && isPolicySection(current.name)) return current.name;
  }
  return undefined;
}

/** The `<inbound>` (etc.) element of a `<policies>` document. */
export function sectionElement(document: XmlDocument, section: PolicySection): XmlElement | undefined {
  const root = document.root;
  if (root?.name !== 'policies') return undefined;
  return root.children.find((child): child is XmlElement => child.kind === 'element' && child.name === section);
}

/** True when the attribute's whole value is a policy expression, so its value is only known at run time. */
export function isExpressionValue(attribute: XmlAttribute | undefined): boolean {
  return attribute?.embedded.some((item) => item.kind === 'expression') ?? false;
}

/** True when the value refers to a named value (its content is configured per environment). */
export function usesNamedValue(attribute: XmlAttribute | undefined): boolean {
  return attribute?.embedded.some((item) => item.kind === 'named-value') ?? false;
}

/** The element's text content (text and CDATA children, decoded), e.g. `<value>` or `<set-body>`. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (child.kind === 'text' || child.kind === 'cdata' ? child.value : '')).join('');
}

/** The whitespace before the element on its line, to indent inserted siblings alike. */
export function indentationOf(text: string, element: XmlElement): string {
  let lineStart = element.span.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const prefix = text.slice(lineStart, element.span.start);
  return /^[ \t]*$/.test(prefix) ? prefix : '';
}
