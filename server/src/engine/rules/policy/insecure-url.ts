import { isLocalOnlyHost, parseLiteralUrl } from '../functions/literalUrl';
import { outboundUrlSites } from '../functions/outboundUrlSites';
import { trimmedSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

const DEFAULT_HTTP_PORT = 80;

export const insecureUrl: PolicyDocumentRule = {
  meta: {
    id: 'insecure-url',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'The gateway calls a backend or service over plain http.',
    guidance:
      'Over plain http, requests, responses and any credentials the gateway adds travel unencrypted and can be read or changed ' +
      'on the way. Call backends and side services over https, and validate their certificates through a backend entity. ' +
      'Switching the scheme only works when the backend serves https, so check it first.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/set-backend-service-policy',
    target: 'policy',
  },
  check(context) {
    for (const { site, description } of outboundUrlSites(context.document)) {
      const { span, raw } = trimmedSite(site);
      // Only a literal scheme is known; `http://{{host}}` still fixes the scheme, so it counts.
      if (site.embedded.some((item) => item.kind === 'expression')) continue;
      const url = parseLiteralUrl(raw);
      if (url?.scheme !== 'http') continue;
      const hostIsNamedValue = raw.slice(url.authorityStart).startsWith('{{');
      if (!hostIsNamedValue && isLocalOnlyHost(url.host)) continue;
      const edits = [{ span: { start: span.start, end: span.start + 'http'.length }, newText: 'https' }];
      if (url.port === DEFAULT_HTTP_PORT) edits.push({ span: { start: span.start + url.hostEnd, end: span.start + url.authorityEnd }, newText: '' });
      context.report({
        span: { start: span.start, end: span.start + url.authorityStart },
        message: `The ${description} uses plain http; switch to https so traffic to the backend is encrypted.`,
        fixes: [{ title: 'Switch to https', edits, isPreferred: false }],
      });
    }
  },
};
