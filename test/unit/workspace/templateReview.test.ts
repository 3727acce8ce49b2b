import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { effectivePolicyText } from '../../../server/src/engine/analysis/effectivePolicyText';
import { coverageMatrix } from '../../../server/src/engine/report/coverageMatrix';
import { MemoryWorkspace } from '../../../server/src/testing/memoryWorkspace';
import { API_XML, ARM, BICEP, GLOBAL_XML, NO_BASE_XML } from './templateFixtures';

const BICEP_FILES = {
  'infra/main.bicep': BICEP,
  'infra/policies/global.xml': GLOBAL_XML,
  'infra/policies/orders.xml': API_XML,
  'infra/policies/raw.xml': NO_BASE_XML,
};

describe('a Bicep deployment reviewed like an APIOps tree', () => {
  const memory = new MemoryWorkspace(BICEP_FILES);

  test('an XML file loaded by loadTextContent gets chain findings with its real chain', () => {
    assert.deepEqual(
      memory.findingsOf('rate-limit-missing', 'infra/policies/orders.xml').map((finding) => finding.message),
      ['No rate limit or quota runs via product free: add rate-limit-by-key or quota-by-key to inbound.'],
    );
  });

  test('Show Effective Policy on the loaded XML file knows its scopes', () => {
    const text = effectivePolicyText('/memory/ws/infra/policies/raw.xml', NO_BASE_XML, memory.workspace);
    assert.match(text, /Effective policy of API raw, via product free/);
    assert.match(text, /global \(infra\/policies\/global\.xml\) > product free \(no policy file\) > API raw \(infra\/policies\/raw\.xml\)/);
    assert.match(text, /API raw has no <base \/> in <inbound>, so these inherited statements do not run: cors \(global\)/);
  });

  test('the coverage matrix lists the template APIs and their operations with policies', () => {
    assert.deepEqual(
      coverageMatrix([memory.workspace]).map((row) => [row.kind, row.api, row.operation, row.policyFile]),
      [
        ['api', 'orders', undefined, '/memory/ws/infra/policies/orders.xml'],
        ['api', 'raw', undefined, '/memory/ws/infra/policies/raw.xml'],
      ],
    );
  });
});

describe('an ARM template with inline policies', () => {
  const memory = new MemoryWorkspace({ 'arm/azuredeploy.json': ARM });

  test('its APIs appear in coverage, pointing at the template', () => {
    assert.deepEqual(
      coverageMatrix([memory.workspace]).map((row) => [row.api, row.policyFile, row.cells['rate-limit']?.status]),
      [
        ['orders', '/memory/ws/arm/azuredeploy.json', 'missing'],
        ['raw', '/memory/ws/arm/azuredeploy.json', 'missing'],
      ],
    );
  });
});
