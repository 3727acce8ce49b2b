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

  test('Terraform: circuit_breaker_rule blocks, dynamic or not, count; a backend without them is reported', () => {
    const backend = (body: string): string =>
      `resource "azurerm_api_management_backend" "b" {\n  name                = "b"\n  api_management_name = "svc"\n  resource_group_name = "rg"\n  protocol            = "http"\n  url                 = "https://b"\n${body}}\n`;
    expectNoTemplateFindings(backendCircuitBreakerMissing, 'terraform', backend('  circuit_breaker_rule {\n    name = "breaker"\n  }\n'));
    expectNoTemplateFindings(
      backendCircuitBreakerMissing,
      'terraform',
      backend('  dynamic "circuit_breaker_rule" {\n    for_each = var.breaker ? [1] : []\n    content {\n      name = "breaker"\n    }\n  }\n'),
    );
    expectTemplateFindingsAt(
      backendCircuitBreakerMissing,
      'terraform',
      backend('').replace('"azurerm_api_management_backend"', '⟦"azurerm_api_management_backend"⟧'),
    );
  });
});
