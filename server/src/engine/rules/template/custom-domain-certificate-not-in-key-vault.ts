import type { TemplateNode } from '../../templates/templateModel';
import { isUncertainValue } from '../../templates/templateModel';
import type { TemplateRule } from '../templateRule';
import { lookupPath, propertyAt, propertyOf, resourcesOfType, stringAt } from '../../templates/templateQueries';

/** Where the certificate of a hostname comes from, or undefined when it needs no uploaded certificate or cannot be known. */
function uploadedCertificateSite(hostname: TemplateNode): TemplateNode | undefined {
  const keyVaultId = lookupPath(hostname, ['keyVaultId']);
  if (keyVaultId.state !== 'absent') return undefined;
  const source = stringAt(hostname, ['certificateSource'])?.toLowerCase();
  // Managed and built-in certificates are issued and renewed by the service; KeyVault without an id is incomplete, not uploaded.
  if (source === 'managed' || source === 'builtin' || source === 'keyvault') return undefined;
  const encoded = propertyOf(hostname, 'encodedCertificate')?.value;
  if (encoded !== undefined) return encoded;
  if (source === 'custom') return propertyOf(hostname, 'certificateSource')?.value;
  if (source === undefined && lookupPath(hostname, ['certificateSource']).state === 'absent' && propertyOf(hostname, 'certificate') !== undefined) {
    return propertyOf(hostname, 'hostName')?.value ?? hostname;
  }
  return undefined;
}

export const customDomainCertificateNotInKeyVault: TemplateRule = {
  meta: {
    id: 'custom-domain-certificate-not-in-key-vault',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'A custom domain uses an uploaded certificate instead of one from Key Vault.',
    guidance:
      'An uploaded certificate is a copy: its private key travels through templates and pipelines, and nobody renews it for you, so it can expire unnoticed. ' +
      'Keep the certificate in Key Vault and reference it with `keyVaultId` (the service reads it with its managed identity and picks up renewed versions). ' +
      'A managed certificate is an alternative for gateway hostnames where the tier supports it.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/configure-custom-domain',
  },
  check(context) {
    for (const service of resourcesOfType(context.model.resources, 'service')) {
      for (const hostname of propertyAt(service.body, ['properties', 'hostnameConfigurations'])?.value.items ?? []) {
        if (hostname.shape !== 'object') continue;
        const site = uploadedCertificateSite(hostname);
        if (site === undefined) continue;
        const host = stringAt(hostname, ['hostName']);
        context.report({
          span: site.span,
          uncertain: isUncertainValue(site),
          message: `The certificate of ${host === undefined ? 'this custom domain' : host} is uploaded, not taken from Key Vault; reference a Key Vault certificate with keyVaultId.`,
        });
      }
    }
  },
};
