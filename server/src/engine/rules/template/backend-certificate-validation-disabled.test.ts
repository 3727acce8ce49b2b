import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { backendCertificateValidationDisabled } from './backend-certificate-validation-disabled';

describe('backend-certificate-validation-disabled', () => {
  test('reports each disabled check; the fix sets it to true', () => {
    const { text, findings } = expectTemplateFindingsAt(
      backendCertificateValidationDisabled,
      'bicep',
      "resource b 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/b'\n  properties: {\n    url: 'https://b'\n    tls: {\n      validateCertificateChain: ⟦false⟧\n      validateCertificateName: ⟦false⟧\n    }\n  }\n}\n",
    );
    assert.equal(
      findings[0].message,
      'validateCertificateChain is false: the gateway accepts any certificate chain, self-signed or untrusted; set it to true.',
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('validateCertificateChain: true'));
  });

  test('silent when validation is on or not written', () => {
    expectNoTemplateFindings(
      backendCertificateValidationDisabled,
      'bicep',
      "resource b 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/b'\n  properties: {\n    tls: {\n      validateCertificateChain: true\n    }\n  }\n}\n",
    );
  });
});
