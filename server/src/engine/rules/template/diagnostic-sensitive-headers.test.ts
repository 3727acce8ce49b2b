import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { diagnosticSensitiveHeaders } from './diagnostic-sensitive-headers';

describe('diagnostic-sensitive-headers', () => {
  test('credential headers are reported on the entry', () => {
    const { findings } = expectTemplateFindingsAt(
      diagnosticSensitiveHeaders,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/diagnostics", "apiVersion": "2022-08-01", "name": "svc/applicationinsights", "properties": { "frontend": { "request": { "headers": [⟦"authorization"⟧, "x-correlation-id"] } }, "backend": { "response": { "headers": [⟦"Set-Cookie"⟧] } } } }',
      ),
    );
    assert.equal(findings[0].message, 'The frontend request header authorization is logged; remove it from the logged headers.');
  });

  test('silent for harmless headers', () => {
    expectNoTemplateFindings(
      diagnosticSensitiveHeaders,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/diagnostics", "apiVersion": "2022-08-01", "name": "svc/applicationinsights", "properties": { "frontend": { "request": { "headers": ["x-authorization-hint"] } } } }',
      ),
    );
  });
});
