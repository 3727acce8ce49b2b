import { attribute, type XmlDocument, type XmlElement } from '../../policy/syntaxTree';
import { allElements } from '../../policy/treeQueries';
import { attributeSite, textSite, type ValueSite } from './valueSite';

/** A place where a policy names a URL the gateway calls: a backend base URL or a request's `<set-url>`. */
export interface OutboundUrlSite {
  readonly element: XmlElement;
  readonly site: ValueSite;
  /** How messages name the place: `base-url` on <set-backend-service>, <set-url> in <send-request>. */
  readonly description: string;
}

/** Elements whose `<set-url>` child is the address of an outgoing call. */
const REQUEST_ELEMENTS = new Set(['send-request', 'send-one-way-request', 'http-request']);

/** Every backend `base-url` and outgoing-request `<set-url>` in the document, in document order. */
export function outboundUrlSites(document: XmlDocument): OutboundUrlSite[] {
  const found: OutboundUrlSite[] = [];
  for (const element of allElements(document)) {
    if (element.name === 'set-backend-service') {
      const site = attributeSite(document.text, attribute(element, 'base-url'));
      if (site) found.push({ element, site, description: 'base-url on <set-backend-service>' });
    } else if (element.name === 'set-url' && element.parent && REQUEST_ELEMENTS.has(element.parent.name)) {
      const site = textSite(document.text, element);
      if (site) found.push({ element, site, description: `<set-url> in <${element.parent.name}>` });
    }
  }
  return found;
}
