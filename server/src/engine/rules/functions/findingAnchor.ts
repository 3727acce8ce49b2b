import type { PolicySection } from '../../policy/policyVocabulary';
import { sectionElement } from '../../policy/treeQueries';
import type { XmlDocument } from '../../policy/syntaxTree';
import type { Span } from '../../text/span';

/** Where a "something is missing" finding goes: the section's start tag name, else the root's, else the start. */
export function missingPolicyAnchor(document: XmlDocument, section: PolicySection): Span {
  const element = sectionElement(document, section);
  if (element) return element.nameSpan;
  return document.root ? document.root.nameSpan : { start: 0, end: 0 };
}
