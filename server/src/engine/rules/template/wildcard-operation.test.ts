import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectApiopsFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { wildcardOperation } from './wildcard-operation';

describe('wildcard-operation', () => {
  test('reports a /* URL template with its method', () => {
    const { findings } = expectTemplateFindingsAt(
      wildcardOperation,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/apis/operations", "apiVersion": "2022-08-01", "name": "svc/api/all", "properties": { "method": "get", "urlTemplate": ⟦"/*"⟧ } }',
      ),
    );
    assert.equal(findings[0].message, 'This GET operation matches every path (/*); define operations for the endpoints you mean to publish.');
    expectTemplateFindingsAt(
      wildcardOperation,
      'bicep',
      "resource op 'Microsoft.ApiManagement/service/apis/operations@2022-08-01' = {\n  name: 'svc/api/all'\n  properties: {\n    displayName: 'All'\n    method: 'POST'\n    urlTemplate: ⟦'/*'⟧\n  }\n}\n",
    );
  });

  test('reports an apiops-cli operationInformation.json', () => {
    expectApiopsFindingsAt(
      wildcardOperation,
      'apis/echo/operations/any/operationInformation.json',
      '{ "properties": { "method": "*", "urlTemplate": ⟦"/*"⟧ } }',
    );
  });

  test('silent for concrete templates, parameters and wildcards inside a path', () => {
    expectNoTemplateFindings(
      wildcardOperation,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/apis/operations", "apiVersion": "2022-08-01", "name": "svc/api/a", "properties": { "method": "GET", "urlTemplate": "/orders/{id}" } },\n    { "type": "Microsoft.ApiManagement/service/apis/operations", "apiVersion": "2022-08-01", "name": "svc/api/b", "properties": { "method": "GET", "urlTemplate": "[parameters(\'url\')]" } }',
      ),
    );
    assert.deepEqual(
      runApiopsRule(
        wildcardOperation,
        'apis/echo/operations/get/operationInformation.json',
        '{ "properties": { "method": "GET", "urlTemplate": "/files/*" } }',
      ),
      [],
    );
  });
});
