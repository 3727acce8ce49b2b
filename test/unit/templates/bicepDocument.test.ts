import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { findTemplatePolicies } from '../../../server/src/engine/templates/embeddedPolicies';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/templateRules';
import { FIXTURES } from '../../support/paths';
import { readTemplate } from '../../../server/src/testing/ruleTester';

const context = createAnalysisContext();
const path = join(FIXTURES, 'templates', 'apim.bicep');
const text = readFileSync(path, 'utf8');

describe('Bicep documents', () => {
  test('the model has full types, names through parent links, and the file-linked policy', () => {
    const model = readTemplate('bicep', text);
    assert.deepEqual(model.syntaxFindings, []);
    assert.deepEqual(
      model.resources.map(
        (resource) => `${resource.type} ${resource.nameSegments.map((segment) => segment ?? '?').join('/')}${resource.existing ? ' existing' : ''}`,
      ),
      [
        'Microsoft.ApiManagement/service ?',
        'Microsoft.ApiManagement/service/apis ?/orders',
        'Microsoft.ApiManagement/service/apis/policies ?/orders/policy',
        'Microsoft.ApiManagement/service/subscriptions ?/?',
        'Microsoft.ApiManagement/service/apis/operations/policies ?',
        'Microsoft.ApiManagement/service/loggers ?/appinsights existing',
      ],
    );
    const { embedded, linked } = findTemplatePolicies(model);
    assert.deepEqual(
      embedded.map((policy) => [policy.scope, policy.style.id]),
      [['api', 'bicep-multiline']],
    );
    assert.deepEqual(
      linked.map((policy) => policy.scope),
      ['operation'],
    );
  });

  test('findings of template rules and of the embedded policy (in the var) land on exact text', () => {
    const result = analyseDocument({ path, text }, context);
    assert.equal(result.kindId, 'bicep');
    assert.deepEqual(result.failures, []);
    const templateIds = new Set(TEMPLATE_RULES.map((rule) => rule.meta.id));
    const described = result.findings
      .filter((finding) => templateIds.has(finding.code) || finding.code === 'tracing-enabled')
      .map((finding) => `${finding.code} ${finding.severity} ${text.slice(finding.span.start, finding.span.end)}`);
    assert.deepEqual(described, [
      'tracing-enabled warning trace',
      "network-isolation-missing info 'Microsoft.ApiManagement/service@2023-05-01-preview'",
      "managed-identity-missing info 'Microsoft.ApiManagement/service@2023-05-01-preview'",
      "observability-missing info 'Microsoft.ApiManagement/service@2023-05-01-preview'",
      "min-api-version-missing info 'Microsoft.ApiManagement/service@2023-05-01-preview'",
      // Premium and one unit by parameter defaults: reported, at info level.
      'availability-zones-missing info skuName',
      'multi-region-missing info skuName',
      'single-unit-capacity info capacity',
      'weak-ciphers-enabled info customProperties',
      "legacy-tls-enabled warning 'True'",
      "description-missing hint 'Orders'",
      "api-http-allowed warning 'http'",
      "insecure-backend-url warning 'http://orders.internal.contoso.com'",
      'subscription-tracing-allowed hint true',
    ]);
  });

  test('every prefix of the fixture analyses without throwing', () => {
    for (let end = 0; end <= text.length; end++) {
      const result = analyseDocument({ path, text: text.slice(0, end) }, context);
      assert.ok(!result.findings.some((finding) => finding.code === 'internal-error'), `prefix of ${end} characters`);
      assert.deepEqual(result.failures, [], `prefix of ${end} characters`);
    }
  });
});
