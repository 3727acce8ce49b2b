import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { expectApiopsFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { namedValuePlainSecret } from './named-value-plain-secret';

const namedValue = (name: string, properties: string): string =>
  armTemplate(`    { "type": "Microsoft.ApiManagement/service/namedValues", "apiVersion": "2022-08-01", "name": "svc/${name}", "properties": ${properties} }`);

describe('named-value-plain-secret', () => {
  test('reports a key under a credential name; the fix marks it secret', () => {
    const { text, findings } = expectTemplateFindingsAt(
      namedValuePlainSecret,
      'arm',
      namedValue('backend-api-key', '{ "displayName": "backend-api-key", "value": ⟦"q8Zr7LkP2mXv9TnB4wYc"⟧, "secret": false }'),
    );
    assert.equal(
      findings[0].message,
      "The named value 'backend-api-key' is not secret but its name says it is a credential and the value looks like a key; keep it in Key Vault, or at least mark it secret.",
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"secret": true }'));
  });

  test('reports a connection string key whatever the name, in Bicep and APIOps; the APIOps fix adds secret', () => {
    expectTemplateFindingsAt(
      namedValuePlainSecret,
      'bicep',
      "resource nv 'Microsoft.ApiManagement/service/namedValues@2022-08-01' = {\n  name: 'svc/bus'\n  properties: {\n    displayName: 'bus'\n    value: ⟦'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Zx8Qw2Er5Ty7Ui9Op1As3Df6Gh0Jk4Lz+/='⟧\n  }\n}\n",
    );
    const { text, findings } = expectApiopsFindingsAt(
      namedValuePlainSecret,
      'named values/maps-key/namedValueInformation.json',
      '{\n  "properties": {\n    "displayName": "maps-subscription-key",\n    "value": ⟦"Hq3vN8xK2pL7mR9tB4wZ6yC1"⟧\n  }\n}\n',
    );
    assert.equal(
      applyFix(text, findings[0].fixes[0]),
      '{\n  "properties": {\n    "displayName": "maps-subscription-key",\n    "value": "Hq3vN8xK2pL7mR9tB4wZ6yC1",\n    "secret": true\n  }\n}\n',
    );
  });

  test('silent for secrets, Key Vault references, plain settings, placeholders, expressions and parameters', () => {
    expectNoTemplateFindings(
      namedValuePlainSecret,
      'arm',
      namedValue('api-key', '{ "displayName": "api-key", "value": "q8Zr7LkP2mXv9TnB4wYc", "secret": true }'),
    );
    expectNoTemplateFindings(
      namedValuePlainSecret,
      'arm',
      namedValue('api-key', '{ "displayName": "api-key", "keyVault": { "secretIdentifier": "https://kv.vault.azure.net/secrets/k" } }'),
    );
    expectNoTemplateFindings(
      namedValuePlainSecret,
      'arm',
      namedValue('backend-url', '{ "displayName": "backend-url", "value": "https://q8Zr7LkP2mXv9TnB4wYc.example.net" }'),
    );
    expectNoTemplateFindings(
      namedValuePlainSecret,
      'arm',
      namedValue('tenant-id', '{ "displayName": "tenant-id", "value": "72f988bf-86f1-41af-91ab-2d7cd011db47" }'),
    );
    expectNoTemplateFindings(namedValuePlainSecret, 'arm', namedValue('api-key', '{ "displayName": "api-key", "value": "<your-api-key>" }'));
    expectNoTemplateFindings(
      namedValuePlainSecret,
      'arm',
      namedValue('api-key', '{ "displayName": "api-key", "value": "@(context.Variables.GetValueOrDefault<string>(\\"k\\"))" }'),
    );
    expectNoTemplateFindings(namedValuePlainSecret, 'arm', namedValue('api-key', '{ "displayName": "api-key", "value": "[parameters(\'apiKey\')]" }'));
    assert.deepEqual(
      runApiopsRule(namedValuePlainSecret, 'namedValues/api-key/namedValueInformation.json', '{ "properties": { "displayName": "api-key", "secret": true } }'),
      [],
    );
  });
});
