import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { managementEndpointsEnabled } from './management-endpoints-enabled';

describe('management-endpoints-enabled', () => {
  test('reports enabled tenant endpoints by name; the fix disables them', () => {
    const { text, findings } = expectTemplateFindingsAt(
      managementEndpointsEnabled,
      'arm',
      armTemplate(`    { "type": "Microsoft.ApiManagement/service/tenant", "apiVersion": "2022-08-01", "name": "svc/access", "properties": { "enabled": ⟦true⟧ } },
    { "type": "Microsoft.ApiManagement/service/tenant", "apiVersion": "2022-08-01", "name": "svc/gitaccess", "properties": { "enabled": false } }`),
    );
    assert.equal(findings[0].message, 'The direct management API is enabled; disable it and manage the service through Azure Resource Manager.');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"enabled": false } },'));
  });

  test('silent for other tenant names', () => {
    expectNoTemplateFindings(
      managementEndpointsEnabled,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/tenant", "apiVersion": "2022-08-01", "name": "svc/other", "properties": { "enabled": true } }',
      ),
    );
  });
});
