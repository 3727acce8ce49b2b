import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { apiVersionOutdated } from './api-version-outdated';

describe('api-version-outdated', () => {
  test('reports retired versions where they are written', () => {
    const { findings } = expectTemplateFindingsAt(
      apiVersionOutdated,
      'arm',
      armTemplate('    { "type": "Microsoft.ApiManagement/service", "apiVersion": ⟦"2019-12-01"⟧, "name": "svc" }'),
    );
    assert.equal(findings[0].message, 'API version 2019-12-01 is retired; use 2021-08-01 or later.');
    // A nested Bicep resource inherits its parent's version and is not reported twice.
    expectTemplateFindingsAt(
      apiVersionOutdated,
      'bicep',
      "resource svc ⟦'Microsoft.ApiManagement/service@2020-12-01'⟧ = {\n  name: 'svc'\n  resource api 'apis' = {\n    name: 'a'\n  }\n}\n",
    );
  });

  test('silent for current versions and other providers', () => {
    expectNoTemplateFindings(
      apiVersionOutdated,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service", "apiVersion": "2021-08-01", "name": "svc" },\n    { "type": "Microsoft.Web/sites", "apiVersion": "2016-08-01", "name": "site" }',
      ),
    );
  });
});
