import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { backendCircuitBreakerMissing } from './backend-circuit-breaker-missing';

describe('backend-circuit-breaker-missing', () => {
  test('a backend without circuitBreaker is reported on its type at info level', () => {
    const { findings } = expectTemplateFindingsAt(
      backendCircuitBreakerMissing,
      'bicep',
      "resource b ⟦'Microsoft.ApiManagement/service/backends@2023-09-01-preview'⟧ = {\n  name: 'svc/b'\n  properties: {\n    url: 'https://b'\n    protocol: 'http'\n  }\n}\n",
    );
    assert.equal(findings[0].severity, 'info');
  });

  test('silent with a circuit breaker and for pools', () => {
    expectNoTemplateFindings(
      backendCircuitBreakerMissing,
      'bicep',
      "resource b 'Microsoft.ApiManagement/service/backends@2023-09-01-preview' = {\n  name: 'svc/b'\n  properties: {\n    circuitBreaker: {\n      rules: []\n    }\n  }\n}\nresource p 'Microsoft.ApiManagement/service/backends@2023-09-01-preview' = {\n  name: 'svc/p'\n  properties: {\n    type: 'Pool'\n  }\n}\n",
    );
  });

  test('silent when a Bicep spread may set circuitBreaker, reported when the spread cannot', () => {
    expectNoTemplateFindings(
      backendCircuitBreakerMissing,
      'bicep',
      "param breaker bool\nresource b 'Microsoft.ApiManagement/service/backends@2024-05-01' = {\n  name: 'svc/b'\n  properties: {\n    url: 'https://b'\n    protocol: 'http'\n    ...(breaker ? { circuitBreaker: { rules: [] } } : {})\n  }\n}\n",
    );
    expectTemplateFindingsAt(
      backendCircuitBreakerMissing,
      'bicep',
      "resource b ⟦'Microsoft.ApiManagement/service/backends@2024-05-01'⟧ = {\n  name: 'svc/b'\n  ...{ tags: {} }\n  properties: {\n    url: 'https://b'\n  }\n}\n",
    );
  });
});
