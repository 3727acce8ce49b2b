import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { developerPortalSignupEnabled } from './developer-portal-signup-enabled';

describe('developer-portal-signup-enabled', () => {
  test('reports signup enabled; the fix disables it', () => {
    const { text, findings } = expectTemplateFindingsAt(
      developerPortalSignupEnabled,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/portalsettings", "apiVersion": "2022-08-01", "name": "svc/signup", "properties": { "enabled": ⟦true⟧, "termsOfService": { "enabled": false } } }',
      ),
    );
    assert.equal(findings[0].message, 'Developer portal sign-up is enabled: anyone can create an account; disable it unless the portal is meant to be public.');
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"enabled": false, "termsOfService"'));
    expectTemplateFindingsAt(
      developerPortalSignupEnabled,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' existing = {\n  name: 'svc'\n}\nresource signup 'Microsoft.ApiManagement/service/portalsettings@2022-08-01' = {\n  parent: svc\n  name: 'signup'\n  properties: {\n    enabled: ⟦true⟧\n  }\n}\n",
    );
  });

  test('silent when disabled, for sign-in settings, and for unknown values', () => {
    expectNoTemplateFindings(
      developerPortalSignupEnabled,
      'arm',
      armTemplate(
        '    { "type": "Microsoft.ApiManagement/service/portalsettings", "apiVersion": "2022-08-01", "name": "svc/signup", "properties": { "enabled": false } },\n    { "type": "Microsoft.ApiManagement/service/portalsettings", "apiVersion": "2022-08-01", "name": "svc/signin", "properties": { "enabled": true } },\n    { "type": "Microsoft.ApiManagement/service/portalsettings", "apiVersion": "2022-08-01", "name": "[concat(parameters(\'svc\'), \'/signup\')]", "properties": { "enabled": "[parameters(\'signup\')]" } }',
      ),
    );
  });
});
