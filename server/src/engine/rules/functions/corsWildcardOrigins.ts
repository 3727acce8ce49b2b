import { attribute, childElements, type XmlElement } from '../../policy/syntaxTree';
import { textContent } from '../../policy/treeQueries';
import type { Span } from '../../text/span';
import { textSite, trimmedSite } from './valueSite';

/** The `*` entries of a cors policy's `<allowed-origins>`, as spans of the star. */
export function corsWildcardOrigins(text: string, cors: XmlElement): Span[] {
  const origins = childElements(cors).find((child) => child.name === 'allowed-origins');
  if (!origins) return [];
  const stars: Span[] = [];
  for (const origin of childElements(origins)) {
    if (origin.name !== 'origin' || textContent(origin).trim() !== '*') continue;
    const site = textSite(text, origin);
    if (site) stars.push(trimmedSite(site).span);
  }
  return stars;
}

/** True when `allow-credentials` is literally true (an expression is unknown and counts as not true). */
export function corsAllowsCredentials(cors: XmlElement): boolean {
  const node = attribute(cors, 'allow-credentials');
  return node !== undefined && node.embedded.length === 0 && node.value?.trim().toLowerCase() === 'true';
}
