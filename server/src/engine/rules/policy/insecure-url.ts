import { isLocalOnlyHost, parseLiteralUrl } from '../functions/literalUrl';
import { outboundUrlSites } from '../functions/outboundUrlSites';
import { trimmedSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

const DEFAULT_HTTP_PORT = 80;

/** Unencrypted schemes and their TLS counterparts. */
const SECURE_SCHEMES: Readonly<Record<string, string>> = { http: 'https', ws: 'wss' };

export const insecureUrl: PolicyDocumentRule = {
  meta: {
    id: 'insecure-url',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'The gateway calls a backend or service over plain http (or ws).',
    guidance:
      'Over plain http, requests, responses and any credentials the gateway adds travel unencrypted and can be read or changed ' +
      'on the way. Call backends and side services over https, and validate their certificates through a backend entity. ' +
      'Switching the scheme only works when the backend serves https, so check it first.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/set-backend-service-policy',
  },
  check(context) {
    for (const { site, description } of outboundUrlSites(context.document)) {
      const { span, raw } = trimmedSite(site);
      // Only a literal scheme is known; `http://{{host}}` still fixes the scheme, so it counts.
      if (site.embedded.some((item) => item.kind === 'expression')) continue;
      const url = parseLiteralUrl(raw);
      const secureScheme = url && SECURE_SCHEMES[url.scheme];
      if (!url || !secureScheme) continue;
      const hostIsNamedValue = raw.slice(url.authorityStart).startsWith('{{');
      if (!hostIsNamedValue && isLocalOnlyHost(url.host)) continue;
      const edits = [{ span: { start: span.start, end: span.start + url.scheme.length }, newText: secureScheme }];
      if (url.port === DEFAULT_HTTP_PORT) edits.push({ span: { start: span.start + url.hostEnd, end: span.start + url.authorityEnd }, newText: '' });
      context.report({
        span: { start: span.start, end: span.start + url.authorityStart },
        message: `The ${description} uses plain ${url.scheme}; switch to ${secureScheme} so traffic to the backend is encrypted.`,
        fixes: [{ title: `Switch to ${secureScheme}`, edits, isPreferred: false }],
      });
    }
  },
};
