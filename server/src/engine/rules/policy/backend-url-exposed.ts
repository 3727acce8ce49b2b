import { attribute, childElements, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed, sectionOf } from '../../policy/treeQueries';
import type { Span } from '../../text/span';
import { removeElementEdit } from '../fixes/elementEdits';
import { textSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

/**
 * Expressions that hold the backend's address: `context.Request.Url` is the URL the gateway forwards to (the API's
 * service URL, or what set-backend-service and rewrite-uri made of it), unlike `context.Request.OriginalUrl`; and
 * `context.Api.ServiceUrl`. Their path, query and scheme alone name no host, so those members are not reported.
 */
const BACKEND_ADDRESS = /context\.(?:Request\.Url|Api\.ServiceUrl)\b(?!\s*\??\.\s*(?:Path|Query|QueryString|Scheme)\b)/g;

/** Header names that announce the backend's address whatever the value. */
const BACKEND_HEADER_NAME = /^x-(?:backend|upstream|origin)[-_]?(?:url|uri|host|hostname|address|server)$/i;

/** Ancestors whose headers go somewhere other than the caller. */
const NOT_TO_CALLER = new Set(['send-request', 'send-one-way-request']);

/** A set-header whose header reaches the caller: in outbound or on-error, or inside return-response. */
function setsResponseHeader(element: XmlElement): boolean {
  let insideResponse = false;
  for (let current = element.parent; current; current = current.parent) {
    if (NOT_TO_CALLER.has(current.name)) return false;
    if (current.name === 'return-response') insideResponse = true;
  }
  const section = sectionOf(element);
  return insideResponse || section === 'outbound' || section === 'on-error';
}

/** Where the header's value reads the backend address, or undefined. */
function addressIn(text: string, element: XmlElement): { span: Span; what: string } | undefined {
  for (const value of childElements(element).filter((child) => child.name === 'value')) {
    const site = textSite(text, value);
    if (!site) continue;
    const match = BACKEND_ADDRESS.exec(site.raw);
    BACKEND_ADDRESS.lastIndex = 0;
    if (match)
      return { span: { start: site.span.start + match.index, end: site.span.start + match.index + match[0].length }, what: match[0].replace(/\s+/g, '') };
  }
  return undefined;
}

export const backendUrlExposed: PolicyDocumentRule = {
  meta: {
    id: 'backend-url-exposed',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: "A response header tells callers the backend's address.",
    guidance:
      "The gateway hides the backend: callers only see the gateway's host name. A response header that echoes `context.Request.Url`, `context.Api.ServiceUrl` or a backend URL hands out the internal host name, port and path, which helps an attacker reach the backend directly or map the network behind the gateway. " +
      "Remove the header, or return `context.Request.OriginalUrl` (the caller's own URL) or a correlation id instead; keep the backend address in your logs.",
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/set-header-policy',
  },
  check(context) {
    for (const element of elementsNamed(context.document, 'set-header')) {
      if (!setsResponseHeader(element)) continue;
      const action = attribute(element, 'exists-action')?.value?.trim().toLowerCase();
      if (action === 'delete') continue;
      const name = attribute(element, 'name');
      const headerName = name?.value?.trim() ?? '';
      const address = addressIn(context.text, element);
      const namedForBackend = BACKEND_HEADER_NAME.test(headerName) && name?.valueSpan !== undefined;
      if (address === undefined && !namedForBackend) continue;
      context.report({
        span: address?.span ?? (name?.valueSpan as Span),
        message:
          address !== undefined
            ? `This response header${headerName === '' ? '' : ` '${headerName}'`} returns ${address.what}, the backend's address, to the caller; remove it or return context.Request.OriginalUrl instead.`
            : `The response header '${headerName}' tells the caller the backend's address; remove it.`,
        fixes: [{ title: 'Remove the header', edits: [removeElementEdit(context.text, element)], isPreferred: false }],
      });
    }
  },
};
