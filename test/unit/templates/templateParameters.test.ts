import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import type { AnalysisContext } from '../../../server/src/engine/analysis/analysisContext';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { FIXTURES } from '../../support/paths';

const FOLDER = '/virtual/apim';
const template = readFileSync(join(FIXTURES, 'templates', 'apim.bicep'), 'utf8');

/** A context whose files are these texts only (paths relative to FOLDER). */
function contextWith(files: Record<string, string>): AnalysisContext {
  const texts = new Map(Object.entries(files).map(([name, text]) => [join(FOLDER, name), text]));
  return {
    ...createAnalysisContext(),
    files: {
      readText: (path) => texts.get(path),
      listFolder: (folder) => [...texts.keys()].filter((path) => dirname(path) === folder).map((path) => basename(path)),
    },
  };
}

/** `code severity text` of the findings of one rule on a file of the context. */
function findingsOf(name: string, files: Record<string, string>, code: string): string[] {
  const text = files[name];
  const result = analyseDocument({ path: join(FOLDER, name), text }, contextWith(files));
  assert.deepEqual(result.failures, []);
  return result.findings
    .filter((finding) => finding.code === code)
    .map((finding) => `${finding.code} ${finding.severity} ${text.slice(finding.span.start, finding.span.end)}`);
}

describe('parameters files feed templates', () => {
  test('without a parameters file, a parameter default is reported at info', () => {
    assert.deepEqual(findingsOf('main.bicep', { 'main.bicep': template }, 'single-unit-capacity'), ['single-unit-capacity info capacity']);
  });

  test('a .bicepparam that uses the template supplies its values: the finding takes its real severity', () => {
    // The SKU is supplied too: a SKU left at its parameter default keeps the finding at info (single-unit-capacity).
    const files = {
      'main.bicep': template,
      'prod.bicepparam': "using './main.bicep'\nparam environmentName = 'prod'\nparam skuName = 'Premium'\nparam capacity = 1\n",
    };
    assert.deepEqual(findingsOf('main.bicep', files, 'single-unit-capacity'), ['single-unit-capacity warning capacity']);
  });

  test('a parameters file that leaves the SKU at its default keeps the single-unit finding at info', () => {
    const files = { 'main.bicep': template, 'prod.bicepparam': "using './main.bicep'\nparam environmentName = 'prod'\nparam capacity = 1\n" };
    assert.deepEqual(findingsOf('main.bicep', files, 'single-unit-capacity'), ['single-unit-capacity info capacity']);
  });

  test('a supplied value can clear a finding the default would give', () => {
    const files = { 'main.bicep': template, 'main.bicepparam': "using 'main.bicep'\nvar units = 2\nparam capacity = units\n" };
    assert.deepEqual(findingsOf('main.bicep', files, 'single-unit-capacity'), []);
  });

  test('values parameters files disagree on (one per environment) stay the template default, at info', () => {
    const files = {
      'main.bicep': template,
      'dev.bicepparam': "using './main.bicep'\nparam capacity = 1\n",
      'prod.bicepparam': "using './main.bicep'\nparam capacity = 2\n",
    };
    assert.deepEqual(findingsOf('main.bicep', files, 'single-unit-capacity'), ['single-unit-capacity info capacity']);
  });

  test('a .bicepparam for another template is not used', () => {
    const files = { 'main.bicep': template, 'other.bicepparam': "using './other.bicep'\nparam capacity = 1\n" };
    assert.deepEqual(findingsOf('main.bicep', files, 'single-unit-capacity'), ['single-unit-capacity info capacity']);
  });

  test('a JSON parameters file beside a Bicep template is read the same way as beside an ARM template', () => {
    const json =
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": { "skuName": { "value": "Premium" }, "capacity": { "value": 1 } } }';
    assert.deepEqual(findingsOf('main.bicep', { 'main.bicep': template, 'main.parameters.json': json }, 'single-unit-capacity'), [
      'single-unit-capacity warning capacity',
    ]);
    const arm = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        parameters: { capacity: { type: 'int', defaultValue: 1 } },
        resources: [
          {
            type: 'Microsoft.ApiManagement/service',
            apiVersion: '2024-05-01',
            name: 'apim',
            location: 'westeurope',
            sku: { name: 'Premium', capacity: "[parameters('capacity')]" },
            properties: { publisherEmail: 'a@b.c', publisherName: 'x' },
          },
        ],
      },
      null,
      2,
    );
    assert.deepEqual(findingsOf('azuredeploy.json', { 'azuredeploy.json': arm }, 'single-unit-capacity'), [
      `single-unit-capacity info "[parameters('capacity')]"`,
    ]);
    assert.deepEqual(findingsOf('azuredeploy.json', { 'azuredeploy.json': arm, 'azuredeploy.parameters.json': json }, 'single-unit-capacity'), [
      `single-unit-capacity warning "[parameters('capacity')]"`,
    ]);
  });
});

describe('.bicepparam documents', () => {
  test('are analysed for syntax, with one precise finding where they cannot be read', () => {
    const good = "using './main.bicep'\n// a comment\nparam capacity = 2\n";
    const goodResult = analyseDocument({ path: join(FOLDER, 'main.bicepparam'), text: good }, contextWith({}));
    assert.equal(goodResult.kindId, 'bicep-params');
    assert.deepEqual(goodResult.findings, []);
    const bad = "using './main.bicep'\nparam capacity = \nparam sku = 'Premium'\n";
    const badResult = analyseDocument({ path: join(FOLDER, 'main.bicepparam'), text: bad }, contextWith({}));
    assert.deepEqual(
      badResult.findings.map((finding) => finding.code),
      ['bicep-missing-expression'],
    );
  });
});

describe('compiled twins', () => {
  const compiled = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      metadata: { _generator: { name: 'bicep', version: '0.30.3.12046' } },
      resources: [
        {
          type: 'Microsoft.ApiManagement/service',
          apiVersion: '2019-01-01',
          name: 'apim',
          location: 'westeurope',
          sku: { name: 'Developer', capacity: 1 },
          properties: {},
        },
      ],
    },
    null,
    2,
  );

  test('an ARM template compiled from the Bicep file beside it yields no findings: they are reported on the Bicep source', () => {
    for (const [json, bicep] of [
      ['main.json', 'main.bicep'],
      ['apim.json', 'apim.bicep'],
      ['azuredeploy.json', 'main.bicep'],
    ]) {
      const result = analyseDocument({ path: join(FOLDER, json), text: compiled }, contextWith({ [json]: compiled, [bicep]: template }));
      assert.equal(result.kindId, 'arm-template');
      assert.deepEqual(result.findings, [], `${json} beside ${bicep}`);
    }
  });

  test('without its Bicep source, or when not compiled from Bicep, the ARM template is analysed', () => {
    const alone = analyseDocument({ path: join(FOLDER, 'main.json'), text: compiled }, contextWith({ 'main.json': compiled }));
    assert.ok(alone.findings.some((finding) => finding.code === 'api-version-outdated'));
    const handWritten = compiled.replace('"bicep"', '"handwritten"');
    const beside = analyseDocument({ path: join(FOLDER, 'main.json'), text: handWritten }, contextWith({ 'main.json': handWritten, 'main.bicep': template }));
    assert.ok(beside.findings.some((finding) => finding.code === 'api-version-outdated'));
  });
});
