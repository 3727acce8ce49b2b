import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { subscriptionTracingAllowed } from './subscription-tracing-allowed';

describe('subscription-tracing-allowed', () => {
  test('hints that allowTracing true is obsolete; the preferred fix sets false', () => {
    const { text, findings } = expectTemplateFindingsAt(
      subscriptionTracingAllowed,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/subscriptions", "apiVersion": "2022-08-01", "name": "svc/s", "properties": { "scope": "/products/p", "allowTracing": ⟦true⟧ } }',
      ),
    );
    assert.equal(findings[0].severity, 'hint');
    assert.match(findings[0].message, /^allowTracing no longer has any effect \(tracing through subscriptions and Ocp-Apim-Trace is retired/);
    assert.equal(findings[0].fixes[0].isPreferred, true);
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"allowTracing": false }'));
  });

  test('silent when false or absent', () => {
    expectNoTemplateFindings(
      subscriptionTracingAllowed,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/subscriptions", "apiVersion": "2022-08-01", "name": "svc/s", "properties": { "allowTracing": false } },\n    { "type": "Microsoft.ApiManagement/service/subscriptions", "apiVersion": "2022-08-01", "name": "svc/t", "properties": {} }',
      ),
    );
  });
});
