import type { TemplateRule } from '../templateRule';
import { checkSecuritySwitches } from './functions/securitySwitches';

const SWITCHES = ['Protocols.Tls10', 'Protocols.Tls11', 'Protocols.Ssl30', 'Backend.Protocols.Tls10', 'Backend.Protocols.Tls11', 'Backend.Protocols.Ssl30'];

export const legacyTlsEnabled: TemplateRule = {
  meta: {
    id: 'legacy-tls-enabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'TLS 1.0, TLS 1.1 or SSL 3.0 is explicitly enabled on the gateway or towards backends.',
    guidance:
      'Old protocol versions have known weaknesses and let a client or a backend negotiate a connection an attacker can downgrade. ' +
      'Set the client-side and backend-side switches for TLS 1.0, TLS 1.1 and SSL 3.0 to "False" in `customProperties`, or leave them out: they are off by default for every service created after 1 April 2018. ' +
      'Check first that no client or backend still needs an old version.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers',
  },
  check(context) {
    checkSecuritySwitches(
      context.model,
      {
        switches: SWITCHES,
        enabledMessage: (name) => `The switch ${name} enables a legacy protocol; set it to "False".`,
        // Unset means off for every service created after 1 April 2018, so only an explicit True is a finding.
      },
      context.report,
    );
  },
};
