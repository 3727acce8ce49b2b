import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { reviewPaths } from '../../../server/src/engine/review/reviewFiles';
import { countArrayWork } from '../../fuzz/arrayWork';
import { writeWorkspace } from './cliRunner';

/**
 * One Bicep file with thousands of resources (an API, an operation and a policy each, through `parent:`,
 * parameters and variables): the whole review (discovery, template model, embedded policies, rules) must grow
 * linearly. Work is counted (elements array scans visit), not timed; growing the file 8x may grow the work
 * per resource less than 2x. A scan of the declarations for every variable reference grew it about 8x.
 */
const FACTOR = 8;
const MAX_GROWTH = 2;

function bicepWithApis(apis: number): string {
  const lines = [
    "param apimName string = 'apim'",
    "var backendUrl = 'https://backend.example.com'",
    'var policy = \'<policies><inbound><base /><rate-limit calls="5" renewal-period="60" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>\'',
    "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {",
    '  name: apimName',
    "  location: 'westeurope'",
    "  sku: { name: 'Premium', capacity: 1 }",
    "  properties: { publisherEmail: 'api@example.com', publisherName: 'Example' }",
    '}',
  ];
  for (let index = 0; index < apis; index++) {
    lines.push(
      `resource api${index} 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {`,
      '  parent: apim',
      `  name: 'api-${index}'`,
      `  properties: { displayName: 'API ${index}', path: 'p${index}', protocols: ['https'], serviceUrl: backendUrl }`,
      '}',
      `resource op${index} 'Microsoft.ApiManagement/service/apis/operations@2023-05-01-preview' = {`,
      `  parent: api${index}`,
      "  name: 'get'",
      "  properties: { displayName: 'Get', method: 'GET', urlTemplate: '/' }",
      '}',
      `resource policy${index} 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {`,
      `  parent: api${index}`,
      "  name: 'policy'",
      "  properties: { format: 'rawxml', value: policy }",
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

function countsByCode(findings: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.code] = (counts[finding.code] ?? 0) + 1;
  return counts;
}

describe('Bicep with thousands of resources: bounded work', () => {
  test('reviewing the folder: work per resource stays flat when the file grows 8x', () => {
    const workPerApi = (apis: number): number => {
      const dir = writeWorkspace({ 'main.bicep': bicepWithApis(apis) });
      let documents = 0;
      const work = countArrayWork(() => {
        documents = reviewPaths([dir], createAnalysisContext()).documentCount;
      });
      assert.equal(documents, 1);
      return work / apis;
    };
    const small = workPerApi(100);
    const large = workPerApi(100 * FACTOR);
    const growth = large / small;
    assert.ok(
      growth < MAX_GROWTH,
      `work per resource grew ${growth.toFixed(1)}x (${small.toFixed(0)} -> ${large.toFixed(0)}) when the file grew ${FACTOR}x: something is superlinear`,
    );
  });

  test('4,000 APIs with operations and policies (12,000 resources): every API is read, findings are capped per code', () => {
    const apis = 4_000;
    const analysis = analyseDocument({ path: '/robustness/bicep/main.bicep', text: bicepWithApis(apis) }, createAnalysisContext());
    const counts = countsByCode(analysis.findings);
    assert.ok(
      Object.values(counts).every((count) => count <= 200),
      JSON.stringify(counts),
    );
    // One description-missing per API (no description): more than the cap, so the rest are counted.
    const more = analysis.findings.filter((finding) => finding.code === 'more-findings').map((finding) => finding.message);
    assert.ok(
      more.some((message) => /^\d+ more 'description-missing' findings/.test(message)),
      more.join('\n'),
    );
  });
});
