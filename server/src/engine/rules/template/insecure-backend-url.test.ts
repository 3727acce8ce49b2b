import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { insecureBackendUrl } from './insecure-backend-url';

describe('insecure-backend-url', () => {
  test('reports http:// service URLs and backend URLs; the fix changes the scheme', () => {
    const { text, findings } = expectTemplateFindingsAt(
      insecureBackendUrl,
      'arm',
      armTemplate(`    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/orders", "properties": { "serviceUrl": ⟦"http://orders.contoso.com"⟧ } },
    { "type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2022-08-01", "name": "svc/b", "properties": { "url": ⟦"[concat('http://', 'b.contoso.com')]"⟧ } }`),
    );
    assert.equal(findings[0].message, 'The URL http://orders.contoso.com is plain HTTP; use https.');
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[1].severity, 'info');
    assert.deepEqual(findings[1].fixes, []);
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"serviceUrl": "https://orders.contoso.com"'));
  });

  test('silent for https and unknown URLs', () => {
    expectNoTemplateFindings(
      insecureBackendUrl,
      'bicep',
      "param url string\nresource b 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/b'\n  properties: {\n    url: url\n  }\n}\nresource c 'Microsoft.ApiManagement/service/backends@2022-08-01' = {\n  name: 'svc/c'\n  properties: {\n    url: 'https://c'\n  }\n}\n",
    );
  });

  test('silent for backends on the gateway machine itself, as self-hosted gateways in Docker reach them', () => {
    expectNoTemplateFindings(
      insecureBackendUrl,
      'arm',
      armTemplate(`    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/basket", "properties": { "serviceUrl": "http://host.docker.internal:5103/basket-api/api/v1/Basket/" } },
    { "type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2022-08-01", "name": "svc/wcf", "properties": { "serviceUrl": "http://localhost:64103/Service1.svc" } }`),
    );
  });
});
