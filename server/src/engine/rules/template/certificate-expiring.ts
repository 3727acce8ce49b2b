import { lookupPath, propertyAt, resourcesOfType, stringAt } from '../../templates/templateQueries';
import type { TemplateRule } from '../templateRule';

/** Days of validity below which a custom domain certificate needs renewing now (PSRule's default too). */
const MINIMUM_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const certificateExpiring: TemplateRule = {
  meta: {
    id: 'certificate-expiring',
    pillars: ['reliability', 'security'],
    defaultSeverity: 'warning',
    title: 'A custom domain certificate in the template expires within 30 days or has expired.',
    guidance:
      'When the certificate of a custom domain expires, every client that validates TLS fails to connect to the gateway, portal or management endpoint on that host name. ' +
      'Renew it and deploy the new one, or better, reference it from Key Vault with `keyVaultId` so the service picks up renewed versions by itself. ' +
      'The expiry date only appears in templates exported from a running service, which is exactly where a stale certificate hides.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/configure-custom-domain',
  },
  check(context) {
    const now = context.today.getTime();
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      for (const hostname of propertyAt(service.body, ['properties', 'hostnameConfigurations'])?.value.items ?? []) {
        // A Key Vault reference is renewed from the vault; the exported expiry is a snapshot.
        if (hostname.shape !== 'object' || lookupPath(hostname, ['keyVaultId']).state !== 'absent') continue;
        const expiryNode = propertyAt(hostname, ['certificate', 'expiry'])?.value;
        const expiry = stringAt(hostname, ['certificate', 'expiry']);
        const expires = expiry === undefined ? NaN : Date.parse(expiry);
        if (expiryNode === undefined || Number.isNaN(expires)) continue;
        const days = Math.floor((expires - now) / DAY_MS);
        if (days >= MINIMUM_DAYS) continue;
        const host = stringAt(hostname, ['hostName']);
        const date = new Date(expires).toISOString().slice(0, 10);
        context.report({
          span: expiryNode.span,
          message: `The certificate for ${host === undefined ? 'this host name' : `'${host}'`} ${days < 0 ? `expired on ${date}` : `expires on ${date}, in ${days} day${days === 1 ? '' : 's'}`}; renew it, or reference it from Key Vault so renewals are picked up.`,
        });
      }
    }
  },
};
