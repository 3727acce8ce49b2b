import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/templateRules';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

const context = createAnalysisContext();
const files = corpusFiles('apiops-json');
const TEMPLATE_RULE_IDS = new Set(TEMPLATE_RULES.map((rule) => rule.meta.id));

/** Information files that hold one resource the template rules read. */
const RESOURCE_FILES = new Set([
  'apiInformation.json',
  'productInformation.json',
  'backendInformation.json',
  'namedValueInformation.json',
  'diagnosticInformation.json',
  'loggerInformation.json',
  'subscriptionInformation.json',
]);

function describeFindings(relativePath: string): string[] {
  const file = files.find((candidate) => candidate.relativePath === relativePath);
  assert.ok(file, `${relativePath} is in the corpus`);
  const text = readCorpusText(file);
  const lines = new LineMap(text);
  const result = analyseDocument({ path: file.absolutePath, text }, context);
  assert.equal(result.kindId, 'apiops-artifact');
  return result.findings
    .filter((finding) => TEMPLATE_RULE_IDS.has(finding.code))
    .map(
      (finding) => `${lines.positionAt(finding.span.start).line + 1} ${finding.code} ${finding.severity} ${text.slice(finding.span.start, finding.span.end)}`,
    );
}

describe('APIOps artifact JSON of the corpus', { skip: CORPUS_SKIP }, () => {
  test('every file analyses without throwing or rule failures; information files are claimed, other JSON is not', () => {
    for (const file of files) {
      const result = analyseDocument({ path: file.absolutePath, text: readCorpusText(file) }, context);
      assert.deepEqual(result.failures, [], file.relativePath);
      assert.ok(!result.findings.some((finding) => finding.code === 'internal-error'), file.relativePath);
      assert.equal(result.kindId, RESOURCE_FILES.has(basename(file.relativePath)) ? 'apiops-artifact' : undefined, file.relativePath);
    }
  });

  // Expectations written from reading each file.
  test('the two files with placeholders instead of values report nothing', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('RobertoBorges__apiops/SampleArtifacts/apis/helloworldfromlogicapp/apiInformation.json'), []);
    assert.deepEqual(describeFindings('RobertoBorges__apiops/SampleArtifacts/apis/myversionedapi-v2/apiInformation.json'), []);
  });

  test('an OpenAI backend that skips certificate validation and has no circuit breaker', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('anotherRedbeard__apimdemo-environment/apimartifacts/backends/eastopenai-openai-endpoint/backendInformation.json'), [
      '2 backend-circuit-breaker-missing info "properties"',
      '8 backend-certificate-validation-disabled warning false',
      '9 backend-certificate-validation-disabled warning false',
    ]);
  });

  test('the sample Starter product, published with automatic approval', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('anotherRedbeard__apimdemo-environment/apimartifacts/products/starter/productInformation.json'), [
      '2 default-product-present info "properties"',
      '5 product-approval-not-required info false',
      '9 product-terms-missing hint ""',
    ]);
  });

  test('an open product and a subscription that allows tracing (APIOps sample artifacts)', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('Azure__apiops/SampleArtifacts/products/product2/productInformation.json'), [
      '6 product-subscription-not-required warning false',
    ]);
    assert.deepEqual(describeFindings('Azure__apiops/SampleArtifacts/products/product1/productInformation.json'), [
      '7 product-approval-not-required info false',
    ]);
  });

  test('an API reachable over http; its plain-http backend on the Docker host never crosses a network', () => {
    if (files.length === 0) return;
    assert.deepEqual(describeFindings('RobertoBorges__apiops/apimartifacts/apis/eshoponcontainers-catalog/apiInformation.json'), [
      '10 api-http-allowed warning "http"',
    ]);
  });
});
