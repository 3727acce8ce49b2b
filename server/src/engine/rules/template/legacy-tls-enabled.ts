import type { TemplateRule } from '../templateRule';
import { checkSecuritySwitches } from './functions/securitySwitches';

const SWITCHES = ['Protocols.Tls10', 'Protocols.Tls11', 'Protocols.Ssl30', 'Backend.Protocols.Tls10', 'Backend.Protocols.Tls11', 'Backend.Protocols.Ssl30'];

export const legacyTlsEnabled: TemplateRule = {
  meta: {
    id: 'legacy-tls-enabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'TLS 1.0, TLS 1.1 or SSL 3.0 is enabled (or not explicitly disabled) on the gateway or towards backends.',
    guidance:
      'Old protocol versions have known weaknesses and let a client or a backend negotiate a connection an attacker can downgrade. ' +
      'Set the client-side and backend-side switches for TLS 1.0, TLS 1.1 and SSL 3.0 to "False" in `customProperties`. ' +
      'Services created before April 2018 keep them on until told otherwise, so stating them explicitly makes the template safe for any instance. ' +
      'Check first that no client or backend still needs an old version.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers',
  },
  check(context) {
    checkSecuritySwitches(
      context.model,
      {
        switches: SWITCHES,
        enabledMessage: (name) => `The switch ${name} enables a legacy protocol; set it to "False".`,
        missingMessage: (names) => `Legacy protocol switches are not set explicitly (${names.join(', ')}); set them to "False" so no instance keeps them on.`,
        missingFixTitle: 'Disable the legacy protocols explicitly',
      },
      context.report,
    );
  },
};
