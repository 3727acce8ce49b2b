import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { secretInOutput } from './secret-in-output';

const arm = (parameters: string, outputs: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { ${parameters} },
  "resources": [],
  "outputs": {
${outputs}
  }
}`;

const subscription =
  "resource sub 'Microsoft.ApiManagement/service/subscriptions@2022-08-01' = {\n  name: 'svc/partner'\n  properties: { scope: '/apis', displayName: 'partner' }\n}\n";

describe('secret-in-output', () => {
  test('ARM: listSecrets in an output; the fix makes the type securestring', () => {
    const { text, findings } = expectTemplateFindingsAt(
      secretInOutput,
      'arm',
      arm(
        '',
        `    ⟦"subscriptionKey"⟧: { "type": "string", "value": "[listSecrets(resourceId('Microsoft.ApiManagement/service/subscriptions', 'svc', 'partner'), '2022-08-01').primaryKey]" }`,
      ),
    );
    assert.equal(
      findings[0].message,
      "The output 'subscriptionKey' calls listSecrets(), which returns keys or secrets; outputs are kept in the deployment history in plain text: remove it or mark it secure.",
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"subscriptionKey": { "type": "securestring"'));
  });

  test('ARM: listKeys inside an object output and a securestring parameter returned', () => {
    expectTemplateFindingsAt(
      secretInOutput,
      'arm',
      arm(
        '"adminPassword": { "type": "securestring" }, "name": { "type": "string" }',
        `    ⟦"storage"⟧: { "type": "object", "value": { "key": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value]" } },\n    ⟦"password"⟧: { "type": "string", "value": "[parameters('adminPassword')]" },\n    "name": { "type": "string", "value": "[parameters('name')]" }`,
      ),
    );
  });

  test('Bicep: sub.listSecrets().primaryKey; the fix adds @secure()', () => {
    const { text, findings } = expectTemplateFindingsAt(
      secretInOutput,
      'bicep',
      `${subscription}@description('Key for the partner')\noutput ⟦partnerKey⟧ string = sub.listSecrets().primaryKey\n`,
    );
    assert.equal(
      applyFix(text, findings[0].fixes[0]),
      `${subscription}@secure()\n@description('Key for the partner')\noutput partnerKey string = sub.listSecrets().primaryKey\n`,
    );
  });

  test('Bicep: a secure parameter inside an interpolated output', () => {
    expectTemplateFindingsAt(
      secretInOutput,
      'bicep',
      "@secure()\nparam backendKey string\nparam region string\noutput ⟦header⟧ string = 'key=${backendKey}'\noutput where string = 'in ${region}'\n",
    );
  });

  test('silent for secure outputs, ids, names and text that only mentions listKeys', () => {
    expectNoTemplateFindings(
      secretInOutput,
      'bicep',
      `${subscription}@secure()\noutput partnerKey string = sub.listSecrets().primaryKey\noutput subscriptionId string = sub.id\noutput note string = 'call listKeys() yourself'\n`,
    );
    expectNoTemplateFindings(
      secretInOutput,
      'arm',
      arm(
        '',
        `    "subscriptionKey": { "type": "securestring", "value": "[listSecrets(resourceId('Microsoft.ApiManagement/service/subscriptions', 'svc', 'partner'), '2022-08-01').primaryKey]" },\n    "note": { "type": "string", "value": "[concat('use listKeys(', 'x')]" },\n    "plain": { "type": "string", "value": "listKeys()" }`,
      ),
    );
  });
});
