import { attribute, childElements, type XmlDocument, type XmlElement } from '../../policy/syntaxTree';
import { allElements, sectionOf } from '../../policy/treeQueries';
import type { Span } from '../../text/span';
import { attributeSite, textSite, type ValueSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

/**
 * `context.LastError` and the properties that describe the gateway's insides. `Reason` is left out: it is one of a
 * documented set of codes (RateLimitExceeded, TokenExpired...) that reveals nothing about the implementation.
 */
const LAST_ERROR_DETAIL = /context\.LastError(?:\s*\??\.\s*(Message|Source|Scope|Section|Path|PolicyId)\b|(?!\s*(?:\??\.\s*Reason\b|!=|==)))/g;

/** Ancestors whose content goes somewhere other than the caller (another service, a log). */
const NOT_TO_CALLER = new Set(['send-request', 'send-one-way-request', 'log-to-eventhub', 'trace', 'emit-metric', 'set-variable', 'cache-store-value']);

/** Where response content is written: the value sites of an element that ends up in the response to the caller. */
function responseSites(text: string, element: XmlElement): ValueSite[] {
  switch (element.name) {
    case 'set-body': {
      const site = textSite(text, element);
      return site ? [site] : [];
    }
    case 'set-header':
      return childElements(element)
        .filter((child) => child.name === 'value')
        .map((value) => textSite(text, value))
        .filter((site): site is ValueSite => site !== undefined);
    case 'set-status': {
      const site = attributeSite(text, attribute(element, 'reason'));
      return site ? [site] : [];
    }
    default:
      return [];
  }
}

function goesToCaller(element: XmlElement): boolean {
  for (let current = element.parent; current; current = current.parent) if (NOT_TO_CALLER.has(current.name)) return false;
  return true;
}

/** on-error content, or a fragment (which only sees LastError when included in on-error). */
function handlesErrors(document: XmlDocument, element: XmlElement): boolean {
  return sectionOf(element) === 'on-error' || document.root?.name === 'fragment';
}

function detailsIn(site: ValueSite): { first: Span; names: string[] } | undefined {
  let first: Span | undefined;
  const names: string[] = [];
  for (const match of site.raw.matchAll(LAST_ERROR_DETAIL)) {
    const start = site.span.start + (match.index ?? 0);
    first ??= { start, end: start + match[0].length };
    const name = match[1] ? `context.LastError.${match[1]}` : 'context.LastError';
    if (!names.includes(name)) names.push(name);
  }
  return first ? { first, names } : undefined;
}

export const errorDetailsExposed: PolicyDocumentRule = {
  meta: {
    id: 'error-details-exposed',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: "An error handler returns the gateway's internal error details to the caller.",
    guidance:
      'context.LastError describes what failed inside the gateway: policy names, scopes, expression errors and backend ' +
      'connection messages that help an attacker map the API. Send those details to your logs (log-to-eventhub, trace or ' +
      'Application Insights) and return the caller a generic message with a correlation id such as context.RequestId. The ' +
      'error Reason code is not reported, since it is one of a fixed set of codes.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-error-handling-policies',
  },
  check(context) {
    for (const element of allElements(context.document)) {
      if (!handlesErrors(context.document, element) || !goesToCaller(element)) continue;
      for (const site of responseSites(context.text, element)) {
        const details = detailsIn(site);
        if (!details) continue;
        context.report({
          span: details.first,
          message: `This <${element.name}> returns ${details.names.join(', ')} to the caller; log the details and return a generic message instead.`,
        });
      }
    }
  },
};
