import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { backendCredentialPlain } from './backend-credential-plain';

const backend = (credentials: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "url": "https://orders.example.net", "protocol": "http", "credentials": ${credentials} } }`,
  );

const withParameters = (parameters: string, template: string): string =>
  template.replace('"contentVersion": "1.0.0.0",', `"contentVersion": "1.0.0.0",\n  "parameters": { ${parameters} },`);

describe('backend-credential-plain', () => {
  test('ARM: a literal api-key header and a plain parameter in the authorization', () => {
    const { findings } = expectTemplateFindingsAt(
      backendCredentialPlain,
      'arm',
      withParameters(
        '"token": { "type": "string" }',
        backend(`{ "header": { "api-key": [⟦"q8Zr7LkP2mXv9TnB4wYc"⟧] }, "authorization": { "scheme": "Bearer", "parameter": ⟦"[parameters('token')]"⟧ } }`),
      ),
    );
    assert.equal(
      findings[0].message,
      "The backend 'orders' sends the credential header 'api-key' written into the template; reference a Key Vault-backed named value ({{...}}) instead.",
    );
    assert.equal(
      findings[1].message,
      "The backend 'orders' sends the credential authorization parameter taken from the plain parameter 'token'; reference a Key Vault-backed named value ({{...}}) instead.",
    );
  });

  test('Bicep: a plain parameter in a functions key header and a query code', () => {
    expectTemplateFindingsAt(
      backendCredentialPlain,
      'bicep',
      "param functionKey string\nresource be 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/fn'\n  properties: {\n    url: 'https://fn.azurewebsites.net/api'\n    protocol: 'http'\n    credentials: {\n      header: {\n        'x-functions-key': [⟦functionKey⟧]\n      }\n      query: {\n        code: [⟦'${functionKey}'⟧]\n      }\n    }\n  }\n}\n",
    );
  });

  test('silent for named values, secure parameters, placeholders, non-credential headers and unknown values', () => {
    expectNoTemplateFindings(
      backendCredentialPlain,
      'arm',
      backend(
        '{ "header": { "api-key": ["{{orders-key}}"], "x-tenant": ["contoso"] }, "authorization": { "scheme": "Bearer", "parameter": "{{orders-token}}" } }',
      ),
    );
    expectNoTemplateFindings(
      backendCredentialPlain,
      'arm',
      withParameters(
        '"token": { "type": "securestring" }',
        backend(`{ "authorization": { "scheme": "Basic", "parameter": "[parameters('token')]" }, "header": { "api-key": ["<your-key>"] } }`),
      ),
    );
    expectNoTemplateFindings(
      backendCredentialPlain,
      'bicep',
      "@secure()\nparam functionKey string\nparam keyName string\nresource be 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/fn'\n  properties: {\n    url: 'https://fn.azurewebsites.net/api'\n    protocol: 'http'\n    credentials: {\n      header: {\n        'x-functions-key': [functionKey]\n        'x-other-key': ['{{${keyName}}}']\n      }\n    }\n  }\n}\n",
    );
    assert.deepEqual(
      runApiopsRule(
        backendCredentialPlain,
        'backends/orders/backendInformation.json',
        '{ "properties": { "url": "https://o.example.net", "protocol": "http", "credentials": { "header": { "api-key": ["{{orders-key}}"] } } } }',
      ),
      [],
    );
  });

  test('APIOps: a literal key in backendInformation.json', () => {
    const findings = runApiopsRule(
      backendCredentialPlain,
      'backends/orders/backendInformation.json',
      '{ "properties": { "url": "https://o.example.net", "protocol": "http", "credentials": { "header": { "Ocp-Apim-Subscription-Key": ["5f0c2a9e8b7d4c3f9a1e2b3c4d5e6f70"] } } } }',
    );
    assert.equal(findings.length, 1);
  });
});
