import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/templateRules';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

const context = createAnalysisContext();
const files = corpusFiles('arm-json');

const TEMPLATE_RULE_IDS = new Set(TEMPLATE_RULES.map((rule) => rule.meta.id));

/**
 * `line code severity "text at the span"` for every finding, as the editor would show it. Unless `all`,
 * only template rules, syntax and schema: policy rules on embedded policies are covered by their own tests.
 */
function describeFindings(relativePath: string, all = false): string[] {
  const file = files.find((candidate) => candidate.relativePath === relativePath);
  assert.ok(file, `${relativePath} is in the corpus`);
  const text = readCorpusText(file);
  const lines = new LineMap(text);
  const result = analyseDocument({ path: file.absolutePath, text }, context);
  assert.deepEqual(result.failures, []);
  return result.findings
    .filter((finding) => all || finding.kind !== 'rule' || TEMPLATE_RULE_IDS.has(finding.code))
    .map(
      (finding) => `${lines.positionAt(finding.span.start).line + 1} ${finding.code} ${finding.severity} ${text.slice(finding.span.start, finding.span.end)}`,
    );
}

describe('ARM templates of the corpus', { skip: CORPUS_SKIP }, () => {
  test('every file analyses without throwing, without rule failures, and every template is claimed', () => {
    for (const file of files) {
      const text = readCorpusText(file);
      const errors: ParseError[] = [];
      parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true });
      assert.deepEqual(errors, [], `${file.relativePath} is valid JSON`);
      const result = analyseDocument({ path: file.absolutePath, text }, context);
      assert.deepEqual(result.failures, [], file.relativePath);
      assert.ok(!result.findings.some((finding) => finding.code === 'internal-error'), file.relativePath);
      const isTemplate = /deploymentTemplate\.json/.test(text.slice(0, 4096));
      assert.equal(result.kindId, isTemplate ? 'arm-template' : undefined, file.relativePath);
    }
  });

  // Expectations written from reading each template.
  test('multi-region quickstart: Premium without zones, one unit by default, public, no identity', () => {
    if (files.length === 0) return;
    assert.deepEqual(
      describeFindings('Azure__azure-quickstart-templates/quickstarts/microsoft.apimanagement/api-management-create-with-multiregion/azuredeploy.json'),
      [
        '78 network-isolation-missing info "Microsoft.ApiManagement/service"',
        '78 managed-identity-missing info "Microsoft.ApiManagement/service"',
        '78 observability-missing info "Microsoft.ApiManagement/service"',
        '83 availability-zones-missing warning "Premium"',
        // skuCount defaults to 1 but is a parameter: reported, at info level.
        `84 single-unit-capacity info "[parameters('skuCount')]"`,
      ],
    );
  });

  test('product-scoped subscription: retired API version and tracing allowed', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('Azure__azure-api-management-devops-resource-kit/example/subscriptions/subscriptions.scope.product.template.json'), [
      '19 api-version-outdated warning "2018-06-01-preview"',
      '24 subscription-tracing-allowed hint true',
    ]);
  });

  test('starter product: retired API versions and an embedded policy with backend after outbound', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('Azure__azure-api-management-devops-resource-kit/example/products/product-starter.template.json'), [
      '17 api-version-outdated warning "2018-01-01"',
      '32 api-version-outdated warning "2018-01-01"',
      '34 section-out-of-order hint backend',
      '44 api-version-outdated warning "2017-03-01"',
    ]);
  });

  test('devops kit service: nothing hardened, Developer tier by parameter default', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('Azure__azure-api-management-devops-resource-kit/example/service.template.json'), [
      '45 api-version-outdated warning "2018-01-01"',
      '47 weak-ciphers-enabled info "Microsoft.ApiManagement/service"',
      '47 network-isolation-missing info "Microsoft.ApiManagement/service"',
      '47 managed-identity-missing info "Microsoft.ApiManagement/service"',
      '47 observability-missing info "Microsoft.ApiManagement/service"',
      '47 min-api-version-missing info "Microsoft.ApiManagement/service"',
      `51 developer-tier-in-production info "[parameters('sku')]"`,
    ]);
  });

  test('exported sample: protocols hardened but not the CBC ciphers, a secret named value, embedded policies checked in place', () => {
    if (files.length === 0) return;
    const findings = describeFindings('MLogdberg__APIManagementARMTemplateCreator/APIManagementTemplate.Test/SamplesTemplate/template.json', true);
    const counts = new Map<string, number>();
    for (const finding of findings) {
      const code = finding.split(' ')[1];
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    assert.equal(counts.get('legacy-tls-enabled'), undefined);
    assert.ok(findings.includes('121 weak-ciphers-enabled info "customProperties"'));
    assert.ok(findings.includes('747 named-value-secret-not-in-key-vault warning true'));
    // A trace of a literal carries no request data.
    assert.equal(counts.get('tracing-enabled'), undefined);
    assert.ok(findings.includes('865 section-out-of-order hint backend'));
    // Every resource is written with the retired 2017-03-01 version.
    assert.equal(counts.get('api-version-outdated'), 32);
    assert.equal(counts.get('base-missing'), 3);
  });
});
