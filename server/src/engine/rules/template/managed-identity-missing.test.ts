import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt, runTemplateRule } from '../../../testing/ruleTester';
import { managedIdentityMissing } from './managed-identity-missing';

describe('managed-identity-missing', () => {
  test('a service without identity is reported on its type; the fix adds a system-assigned identity', () => {
    const { text, findings } = expectTemplateFindingsAt(
      managedIdentityMissing,
      'arm',
      armTemplate('    {\n      "type": ⟦"Microsoft.ApiManagement/service"⟧,\n      "apiVersion": "2022-08-01",\n      "name": "svc"\n    }'),
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('"name": "svc",\n      "identity": {\n        "type": "SystemAssigned"\n      }\n    }'));
    assert.deepEqual(runTemplateRule(managedIdentityMissing, 'arm', fixed), []);
  });

  test('Bicep: identity type None is reported on the value', () => {
    expectTemplateFindingsAt(
      managedIdentityMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  identity: {\n    type: ⟦'None'⟧\n  }\n}\n",
    );
  });

  test('silent with an identity or an unknown one', () => {
    expectNoTemplateFindings(
      managedIdentityMissing,
      'bicep',
      "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  identity: {\n    type: 'UserAssigned'\n  }\n}\n",
    );
    expectNoTemplateFindings(
      managedIdentityMissing,
      'bicep',
      "param identity object\nresource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  identity: identity\n}\n",
    );
  });
});
