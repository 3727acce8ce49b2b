import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../findings/finding';
import { runTemplateRules } from '../runTemplateRules';
import { armTemplate, extractMarkedSpans, readTemplate, type FixtureDialect } from '../../../testing/ruleTester';
import { certificateExpiring } from './certificate-expiring';

const TODAY = new Date('2026-12-02T00:00:00Z');

/** Runs the rule as of TODAY and checks the findings sit on the marks. */
function findingsAt(dialect: FixtureDialect, marked: string): Finding[] {
  const { text, spans } = extractMarkedSpans(marked);
  const { findings, failures } = runTemplateRules(
    readTemplate(dialect, text),
    [certificateExpiring],
    { environment: 'production', levelOf: (_id, severity) => severity },
    TODAY,
  );
  assert.deepEqual(failures, []);
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    spans.map((span) => text.slice(span.start, span.end)),
  );
  return findings;
}

const service = (hostnames: string): string =>
  armTemplate(`    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "properties": { "hostnameConfigurations": [
${hostnames}
    ] } }`);

describe('certificate-expiring', () => {
  test('ARM: an expired certificate and one close to expiry; a distant one is fine', () => {
    const findings = findingsAt(
      'arm',
      service(`      { "type": "Proxy", "hostName": "api.contoso.com", "certificate": { "expiry": ⟦"2026-11-30T12:00:00Z"⟧, "thumbprint": "AB", "subject": "CN=api.contoso.com" } },
      { "type": "DeveloperPortal", "hostName": "portal.contoso.com", "certificate": { "expiry": ⟦"2026-12-12T00:00:00Z"⟧, "thumbprint": "CD", "subject": "CN=portal.contoso.com" } },
      { "type": "Management", "hostName": "mgmt.contoso.com", "certificate": { "expiry": "2027-06-01T00:00:00Z", "thumbprint": "EF", "subject": "CN=mgmt.contoso.com" } }`),
    );
    assert.equal(
      findings[0].message,
      "The certificate for 'api.contoso.com' expired on 2026-11-30; renew it, or reference it from Key Vault so renewals are picked up.",
    );
    assert.equal(
      findings[1].message,
      "The certificate for 'portal.contoso.com' expires on 2026-12-12, in 10 days; renew it, or reference it from Key Vault so renewals are picked up.",
    );
  });

  test('Bicep: a certificate expiring in a week', () => {
    findingsAt(
      'bicep',
      "resource apim 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    hostnameConfigurations: [\n      {\n        type: 'Proxy'\n        hostName: 'api.contoso.com'\n        certificate: {\n          expiry: ⟦'2026-12-09T00:00:00Z'⟧\n          thumbprint: 'AB'\n          subject: 'CN=api.contoso.com'\n        }\n      }\n    ]\n  }\n}\n",
    );
  });

  test('silent for Key Vault certificates, unknown and unreadable dates', () => {
    findingsAt(
      'arm',
      service(`      { "type": "Proxy", "hostName": "api.contoso.com", "keyVaultId": "https://kv.vault.azure.net/secrets/api", "certificate": { "expiry": "2026-11-30T12:00:00Z", "thumbprint": "AB", "subject": "CN=api" } },
      { "type": "Proxy", "hostName": "b.contoso.com", "certificate": { "expiry": "[parameters('expiry')]", "thumbprint": "AB", "subject": "CN=b" } },
      { "type": "Proxy", "hostName": "c.contoso.com", "certificate": { "expiry": "soon", "thumbprint": "AB", "subject": "CN=c" } }`),
    );
  });
});
