import { isPolicySection } from './policyVocabulary';
import type { Span } from '../text/span';
import type { XmlDocument, XmlElement } from './syntaxTree';
import { attribute, childElements } from './syntaxTree';

/** An outline entry: a document root, a section (inbound, backend...) or a policy statement. */
export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly role: 'root' | 'section' | 'policy';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: OutlineItem[];
}

/** Attributes that identify a statement best, shown as the outline detail. */
const DETAIL_ATTRIBUTES = ['id', 'name', 'fragment-id', 'backend-id', 'condition', 'counter-key', 'variable-name', 'base-url', 'url'];
const MAX_DETAIL_LENGTH = 60;

export function policyOutline(document: XmlDocument): OutlineItem[] {
  return document.root ? [outlineOf(document.root)] : [];
}

function outlineOf(element: XmlElement): OutlineItem {
  const role = element.parent === undefined ? 'root' : isPolicySection(element.name) && element.parent.parent === undefined ? 'section' : 'policy';
  return {
    name: element.name,
    detail: detailOf(element),
    role,
    span: element.span,
    selectionSpan: element.nameSpan,
    children: childElements(element).map(outlineOf),
  };
}

function detailOf(element: XmlElement): string {
  for (const name of DETAIL_ATTRIBUTES) {
    const value = attribute(element, name)?.value;
    if (value) return value.length > MAX_DETAIL_LENGTH ? `${value.slice(0, MAX_DETAIL_LENGTH - 1)}…` : value;
  }
  return '';
}
