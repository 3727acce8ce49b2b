import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { apiopsArtifactPosition, serviceInformationPosition } from '../../../server/src/engine/templates/apiops/apiopsArtifactPosition';
import { readApiopsArtifact } from '../../../server/src/engine/templates/apiops/apiopsArtifactTemplate';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { applyFix } from '../../../server/src/testing/ruleTester';
import { FIXTURES } from '../../support/paths';

const ROOT = join(FIXTURES, 'templates', 'apiops');
const context = createAnalysisContext();

function describePosition(path: string): string | undefined {
  const position = apiopsArtifactPosition(path);
  return position && `${position.type.replace('Microsoft.ApiManagement/', '')} ${position.nameSegments.map((segment) => segment ?? '?').join('/')}`;
}

/** `line code severity text-at-span` for every finding on a fixture, as the editor shows them. */
function findingsOf(fixture: string): { kindId: string | undefined; lines: string[] } {
  const path = join(ROOT, fixture);
  const text = readFileSync(path, 'utf8');
  const lines = new LineMap(text);
  const result = analyseDocument({ path, text }, context);
  assert.deepEqual(result.failures, []);
  return {
    kindId: result.kindId,
    lines: result.findings.map(
      (finding) => `${lines.positionAt(finding.span.start).line + 1} ${finding.code} ${finding.severity} ${text.slice(finding.span.start, finding.span.end)}`,
    ),
  };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('APIOps artifact positions', () => {
  test('information files map to one resource type, named by their folders (both flavours, workspaces, revisions)', () => {
    assert.equal(describePosition('/repo/apimartifacts/apis/echo-api/apiInformation.json'), 'service/apis ?/echo-api');
    assert.equal(describePosition('C:\\repo\\artifacts\\apis\\echo;rev=2\\apiInformation.json'), 'service/apis ?/echo;rev=2');
    assert.equal(describePosition('apis/echo/operations/get/operationInformation.json'), 'service/apis/operations ?/echo/get');
    assert.equal(
      describePosition('apis/echo/diagnostics/applicationinsights/diagnosticInformation.json'),
      'service/apis/diagnostics ?/echo/applicationinsights',
    );
    assert.equal(describePosition('diagnostics/azuremonitor/diagnosticInformation.json'), 'service/diagnostics ?/azuremonitor');
    assert.equal(describePosition('products/gold/productInformation.json'), 'service/products ?/gold');
    assert.equal(describePosition('backends/b/backendInformation.json'), 'service/backends ?/b');
    assert.equal(describePosition('named values/key/namedValueInformation.json'), 'service/namedValues ?/key');
    assert.equal(describePosition('namedValues/key/namedValueInformation.json'), 'service/namedValues ?/key');
    assert.equal(describePosition('loggers/ai/loggerInformation.json'), 'service/loggers ?/ai');
    assert.equal(describePosition('subscriptions/s/subscriptionInformation.json'), 'service/subscriptions ?/s');
    assert.equal(describePosition('root/workspaces/team-a/backends/b/backendInformation.json'), 'service/workspaces/backends ?/team-a/b');
    assert.equal(describePosition('workspaces/team-a/apis/a/operations/o/operationInformation.json'), 'service/workspaces/apis/operations ?/team-a/a/o');
  });

  test('the file name alone is not enough', () => {
    for (const path of [
      'backendInformation.json',
      'src/backendInformation.json',
      'apis/apiInformation.json',
      'services/echo/apiInformation.json',
      'named values/key/backendInformation.json',
      'operations/get/operationInformation.json',
      'api/echo/operations/get/operationInformation.json',
      'products/gold/policy.xml',
      'products/gold/apis/echo/productApiInformation.json',
      'policy fragments/f/policyFragmentInformation.json',
    ]) {
      assert.equal(describePosition(path), undefined, path);
    }
  });

  test('serviceInformation.json counts only beside APIOps collections', () => {
    assert.equal(
      serviceInformationPosition('root/serviceInformation.json', ['apis', 'products', 'serviceInformation.json'])?.type,
      'Microsoft.ApiManagement/service',
    );
    assert.equal(
      serviceInformationPosition('root/serviceInformation.json', ['policy.xml', 'serviceInformation.json'])?.type,
      'Microsoft.ApiManagement/service',
    );
    assert.equal(serviceInformationPosition('root/serviceInformation.json', ['src', 'serviceInformation.json']), undefined);
  });
});

describe('APIOps artifact model', () => {
  test('one resource whose body is the file, with exact spans and literal values', () => {
    const text = '{\n  "properties": {\n    "serviceUrl": "[not an ARM expression]",\n    "protocols": ["https"]\n  }\n}\n';
    const model = readApiopsArtifact(text, { type: 'Microsoft.ApiManagement/service/apis', nameSegments: [undefined, 'echo'] });
    assert.equal(model.singleArtifact, true);
    assert.equal(model.resources.length, 1);
    const [api] = model.resources;
    assert.equal(text.slice(api.anchor.start, api.anchor.end), '"properties"');
    const url = api.body.properties[0].value.properties[0].value;
    assert.deepEqual(url.value(), { known: true, value: '[not an ARM expression]' });
    assert.equal(text.slice(url.span.start, url.span.end), '"[not an ARM expression]"');
  });

  test('serviceInformation.json names the service from its own name', () => {
    const model = readApiopsArtifact('{ "name": "contoso-apim", "properties": {} }', { type: 'Microsoft.ApiManagement/service', nameSegments: [undefined] });
    assert.deepEqual(model.resources[0].nameSegments, ['contoso-apim']);
  });

  test('broken JSON, non-objects and empty files give no resource and never throw', () => {
    for (const text of ['', '[]', '"x"', '{ "properties": { "serviceUrl": [url goes here] } }', '{ "properties": ', '{'.repeat(100000)]) {
      assert.deepEqual(readApiopsArtifact(text, { type: 'Microsoft.ApiManagement/service/apis', nameSegments: [undefined, 'a'] }).resources, []);
    }
  });
});

describe('APIOps artifact documents', () => {
  test('every fixture file at an APIOps position is claimed; misplaced ones are not', () => {
    for (const path of filesUnder(ROOT)) {
      const relativePath = relative(ROOT, path).split(sep).join('/');
      const result = analyseDocument({ path, text: readFileSync(path, 'utf8') }, context);
      assert.equal(result.kindId, relativePath.startsWith('misplaced/') ? undefined : 'apiops-artifact', relativePath);
    }
    assert.notEqual(
      analyseDocument({ path: join(ROOT, 'classic/backends/orders/backendInformation.json'), text: '{}', languageId: 'xml' }, context).kindId,
      'apiops-artifact',
    );
  });

  test('classic flavour: template rules report on the artifact JSON itself', () => {
    assert.deepEqual(findingsOf('classic/apis/echo-api/apiInformation.json').lines, [
      '6 api-http-allowed warning "http"',
      '9 insecure-backend-url warning "http://echoapi.cloudapp.net/api"',
    ]);
    assert.deepEqual(findingsOf('classic/apis/echo-api/diagnostics/applicationinsights/diagnosticInformation.json').lines, [
      '4 diagnostic-verbose warning "verbose"',
      '7 diagnostic-sampling-full info 100',
    ]);
    assert.deepEqual(findingsOf('classic/backends/orders/backendInformation.json').lines, [
      '2 backend-circuit-breaker-missing info "properties"',
      '6 backend-certificate-validation-disabled warning false',
    ]);
    assert.deepEqual(findingsOf('classic/named values/backend-key/namedValueInformation.json').lines, [
      '4 named-value-plain-secret warning "q8Zr7LkP2mXv9TnB4wYc"',
    ]);
    assert.deepEqual(findingsOf('classic/products/starter/productInformation.json').lines, [
      '2 default-product-present info "properties"',
      '3 description-missing hint "Starter"',
      '4 product-terms-missing hint "published"',
      '6 product-approval-not-required info false',
    ]);
    assert.deepEqual(findingsOf('classic/subscriptions/all/subscriptionInformation.json').lines, [
      '4 subscription-all-apis warning "/apis"',
      '5 subscription-tracing-allowed hint true',
    ]);
    // A logger alone: the observability rule needs the whole service and stays silent on one artifact.
    assert.deepEqual(findingsOf('classic/loggers/ai/loggerInformation.json').lines, []);
  });

  test('serviceInformation.json beside the collections gets the service rules', () => {
    assert.deepEqual(findingsOf('classic/serviceInformation.json').lines, [
      '5 availability-zones-missing warning "Premium"',
      '5 multi-region-missing info "Premium"',
      '6 single-unit-capacity warning 1',
      '8 weak-ciphers-enabled info "properties"',
      '8 network-isolation-missing info "properties"',
      '8 managed-identity-missing info "properties"',
      '8 min-api-version-missing info "properties"',
      '11 platform-stv1 warning "stv1"',
      '16 custom-domain-certificate-not-in-key-vault warning "Custom"',
    ]);
  });

  test('apiops-cli flavour: camelCase folders, operation information and workspaces', () => {
    assert.deepEqual(findingsOf('cli/apis/files/operations/any/operationInformation.json').lines, ['5 wildcard-operation info "/*"']);
    assert.deepEqual(findingsOf('cli/namedValues/maps-key/namedValueInformation.json').lines, [
      '4 named-value-plain-secret warning "Hq3vN8xK2pL7mR9tB4wZ6yC1"',
    ]);
    assert.deepEqual(findingsOf('cli/workspaces/team-a/backends/b1/backendInformation.json').lines, [
      '2 backend-circuit-breaker-missing info "properties"',
      '4 insecure-backend-url warning "http://team-a.internal"',
    ]);
  });

  test('broken JSON (a placeholder for a value) is claimed and reports nothing', () => {
    assert.deepEqual(findingsOf('broken/apis/broken/apiInformation.json'), { kindId: 'apiops-artifact', lines: [] });
  });

  test('fixes edit the JSON in place and leave it valid, and the finding goes away', () => {
    for (const [fixture, code] of [
      ['classic/subscriptions/all/subscriptionInformation.json', 'subscription-tracing-allowed'],
      ['classic/products/starter/productInformation.json', 'product-approval-not-required'],
      ['cli/namedValues/maps-key/namedValueInformation.json', 'named-value-plain-secret'],
      ['classic/apis/echo-api/apiInformation.json', 'api-http-allowed'],
    ]) {
      const path = join(ROOT, fixture);
      const text = readFileSync(path, 'utf8');
      const finding = analyseDocument({ path, text }, context).findings.find((candidate) => candidate.code === code);
      assert.ok(finding?.fixes[0], `${fixture}: ${code} has a fix`);
      const fixed = applyFix(text, finding.fixes[0]);
      const errors: ParseError[] = [];
      parseTree(fixed, errors);
      assert.deepEqual(errors, [], `${fixture} stays valid JSON`);
      assert.ok(!analyseDocument({ path, text: fixed }, context).findings.some((candidate) => candidate.code === code), `${fixture}: ${code} is fixed`);
    }
  });
});
