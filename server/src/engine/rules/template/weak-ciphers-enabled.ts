import type { TemplateRule } from '../templateRule';
import { checkSecuritySwitches } from './functions/securitySwitches';

const SWITCHES = [
  'Ciphers.TripleDes168',
  'Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA',
  'Ciphers.TLS_RSA_WITH_AES_256_CBC_SHA',
  'Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA256',
  'Ciphers.TLS_RSA_WITH_AES_256_CBC_SHA256',
  'Ciphers.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'Ciphers.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'Ciphers.TLS_RSA_WITH_AES_128_GCM_SHA256',
];

export const weakCiphersEnabled: TemplateRule = {
  meta: {
    id: 'weak-ciphers-enabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: '3DES or a weak RSA/CBC cipher suite is enabled (or not explicitly disabled) on the gateway.',
    guidance:
      'Triple DES and the RSA key-exchange and CBC suites lack forward secrecy or have practical attacks against them. ' +
      'Set each of these cipher switches to "False" in `customProperties` so the gateway only offers modern suites. ' +
      'Very old clients may lose the ability to connect, so check your client base before rolling it out.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers',
  },
  check(context) {
    checkSecuritySwitches(
      context.model,
      {
        switches: SWITCHES,
        enabledMessage: (name) => `The switch ${name} enables a weak cipher; set it to "False".`,
        missing: {
          message: (names) => `Weak cipher switches are not set explicitly (${names.length} of them, e.g. ${names[0]}); set them to "False".`,
          fixTitle: 'Disable the weak ciphers explicitly',
        },
      },
      context.report,
    );
  },
};
