import type { XmlElement, XmlNode } from '../../policy/syntaxTree';

/** Every element below `element` (not itself), in document order; iterative, so depth never matters. */
export function descendantElements(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlNode[] = [...element.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (node.kind !== 'element') continue;
    found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]);
  }
  return found;
}

/** True when some ancestor of `element` has one of the names. */
export function hasAncestorNamed(element: XmlElement, names: readonly string[]): boolean {
  for (let ancestor = element.parent; ancestor; ancestor = ancestor.parent) if (names.includes(ancestor.name)) return true;
  return false;
}
