import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { platformStv1 } from './platform-stv1';

const service = (properties: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "location": "westeurope", "sku": { "name": "Developer", "capacity": 1 }, "properties": ${properties} }`,
  );

describe('platform-stv1', () => {
  test('reports platformVersion stv1', () => {
    const { findings } = expectTemplateFindingsAt(
      platformStv1,
      'arm',
      service('{ "publisherEmail": "a@b.c", "publisherName": "x", "platformVersion": ⟦"stv1"⟧ }'),
    );
    assert.equal(findings[0].message, 'This service is on the retired stv1 platform; migrate it to stv2.');
    expectTemplateFindingsAt(
      platformStv1,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    platformVersion: ⟦'STV1'⟧\n  }\n}\n",
    );
  });

  test('silent for stv2, mtv1 and when not stated', () => {
    expectNoTemplateFindings(platformStv1, 'arm', service('{ "platformVersion": "stv2" }'));
    expectNoTemplateFindings(platformStv1, 'arm', service('{ "platformVersion": "mtv1" }'));
    expectNoTemplateFindings(platformStv1, 'arm', service('{}'));
  });
});
