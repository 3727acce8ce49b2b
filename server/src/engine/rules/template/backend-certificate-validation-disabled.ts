import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isFalseLike, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const backendCertificateValidationDisabled: TemplateRule = {
  meta: {
    id: 'backend-certificate-validation-disabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A backend skips certificate chain or name validation.',
    guidance:
      'Without validation, the gateway trusts any certificate, so anyone who can intercept the connection can impersonate the backend. ' +
      'Keep `validateCertificateChain` and `validateCertificateName` true. ' +
      'For backends with private or self-signed certificates, upload the issuing CA certificate instead of turning validation off.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    const { model } = context;
    const backends = [...resourcesOfType(model.resources, 'service/backends'), ...resourcesOfType(model.resources, 'service/workspaces/backends')];
    for (const backend of backends) {
      for (const key of ['validateCertificateChain', 'validateCertificateName']) {
        const property = propertyAt(backend.body, ['properties', 'tls', key]);
        if (property === undefined || !isFalseLike(property.value.value())) continue;
        context.report({
          span: property.value.span,
          uncertain: isUncertainValue(property.value),
          message:
            key === 'validateCertificateName'
              ? 'validateCertificateName is false: the gateway accepts a trusted certificate issued for any host name; set it to true.'
              : 'validateCertificateChain is false: the gateway accepts any certificate chain, self-signed or untrusted; set it to true.',
          fixes: [{ title: `Set ${key} to true`, edits: [replaceValueEdit(model, property.value, true)], isPreferred: false }],
        });
      }
    }
  },
};
