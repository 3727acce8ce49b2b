import { childElements, type XmlElement } from '../../policy/syntaxTree';

/** Policies that end the request pipeline with a response built in the gateway. */
const ANSWERS = ['return-response', 'mock-response'];

/**
 * True when every path through `container` (a section, or a `when`/`otherwise` branch) answers the caller from
 * the gateway: a direct `return-response`/`mock-response`, or a `choose` with `otherwise` whose every branch
 * does. Recursion follows the parser's depth-limited tree.
 */
export function answersEveryRequest(container: XmlElement): boolean {
  return childElements(container).some((child) => {
    if (ANSWERS.includes(child.name)) return true;
    if (child.name !== 'choose') return false;
    const branches = childElements(child).filter((branch) => branch.name === 'when' || branch.name === 'otherwise');
    return branches.some((branch) => branch.name === 'otherwise') && branches.every(answersEveryRequest);
  });
}
