import { environmentSpecificReason, hostBaseName } from '../functions/environmentSpecificHost';
import { isLocalOnlyHost, parseLiteralUrl } from '../functions/literalUrl';
import { namedValueName, namedValueReference } from '../functions/namedValueName';
import { outboundUrlSites } from '../functions/outboundUrlSites';
import { isPlaceholderValue } from '../functions/placeholderValue';
import { trimmedSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

export const hardcodedEnvironmentValue: PolicyDocumentRule = {
  meta: {
    id: 'hardcoded-environment-value',
    pillars: ['operational-excellence'],
    defaultSeverity: 'info',
    title: 'A backend or request URL names a host that differs between environments.',
    guidance:
      'When a policy names the development or production host itself, promoting it to the next environment means editing ' +
      'the policy, and a missed edit sends traffic to the wrong place. Keep the host in a named value (set per environment by ' +
      'your deployment) or in a backend entity, and reference that from the policy. The named value has to exist in every ' +
      'environment before the policy is deployed.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-properties',
  },
  check(context) {
    for (const { site, description } of outboundUrlSites(context.document)) {
      if (site.embedded.some((item) => item.kind === 'expression')) continue;
      const { span, raw } = trimmedSite(site);
      const url = parseLiteralUrl(raw);
      // Hosts with template markers or filler (`{account}.documents.azure.com`, `REPLACE.openai.azure.com`) are samples.
      if (!url || !/^[A-Za-z0-9.-]+$/.test(url.host) || isPlaceholderValue(url.host) || isLocalOnlyHost(url.host)) continue;
      const reason = environmentSpecificReason(url.host);
      if (!reason) continue;
      const name = namedValueName(hostBaseName(url.host), 'url');
      context.report({
        span: { start: span.start + url.hostStart, end: span.start + url.hostEnd },
        message: `The ${description} names the host '${url.host}', ${reason}; move it to a named value set per environment.`,
        fixes: [
          {
            title: `Replace '${raw.slice(0, url.authorityEnd)}' with the named value ${namedValueReference(name)}`,
            edits: [{ span: { start: span.start, end: span.start + url.authorityEnd }, newText: namedValueReference(name) }],
            isPreferred: false,
          },
        ],
      });
    }
  },
};
