import { elementsIn } from '../../policy/treeQueries';
import type { XmlElement } from '../../policy/syntaxTree';

/** Every element below `element` (not itself), in document order; iterative, so depth never matters. */
export function descendantElements(element: XmlElement): XmlElement[] {
  return elementsIn(element.children);
}

/** True when some ancestor of `element` has one of the names. */
export function hasAncestorNamed(element: XmlElement, names: readonly string[]): boolean {
  for (let ancestor = element.parent; ancestor; ancestor = ancestor.parent) if (names.includes(ancestor.name)) return true;
  return false;
}
