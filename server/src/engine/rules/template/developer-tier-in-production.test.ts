import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { developerTierInProduction } from './developer-tier-in-production';

const service = (sku: string): string =>
  armTemplate(`    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc", "sku": { "name": ${sku}, "capacity": 1 } }`);

describe('developer-tier-in-production', () => {
  test('reports the Developer tier on the sku name; a parameter default is info', () => {
    const { findings } = expectTemplateFindingsAt(developerTierInProduction, 'arm', service('⟦"Developer"⟧'));
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'The Developer tier has no SLA; use a production tier for production.');
    const withParameter = service('⟦"[parameters(\'sku\')]"⟧').replace(
      '"contentVersion"',
      '"parameters": { "sku": { "type": "string", "defaultValue": "Developer" } },\n  "contentVersion"',
    );
    assert.equal(expectTemplateFindingsAt(developerTierInProduction, 'arm', withParameter).findings[0].severity, 'info');
  });

  test('silent outside production and for other tiers', () => {
    expectNoTemplateFindings(developerTierInProduction, 'arm', service('"Developer"'), 'nonproduction');
    expectNoTemplateFindings(developerTierInProduction, 'arm', service('"Basic"'));
  });
});
