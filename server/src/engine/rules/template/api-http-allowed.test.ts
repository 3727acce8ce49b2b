import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { apiHttpAllowed } from './api-http-allowed';

describe('api-http-allowed', () => {
  test('reports http and ws entries; the fix keeps the secure protocols', () => {
    const { text, findings } = expectTemplateFindingsAt(
      apiHttpAllowed,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "protocols": [⟦"http"⟧, "https"] } }',
      ),
    );
    assert.equal(findings[0].message, 'This API accepts http; allow only https.');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"protocols": ["https"]'));
  });

  test('Bicep nested API under its service', () => {
    expectTemplateFindingsAt(
      apiHttpAllowed,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  resource api 'apis' = {\n    name: 'chat'\n    properties: {\n      protocols: [\n        ⟦'ws'⟧\n        'wss'\n      ]\n    }\n  }\n}\n",
    );
  });

  test('silent for https only and for unknown lists', () => {
    expectNoTemplateFindings(
      apiHttpAllowed,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "protocols": ["https"] } }',
      ),
    );
    expectNoTemplateFindings(
      apiHttpAllowed,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "protocols": "[parameters(\'protocols\')]" } }',
      ),
    );
  });
});
