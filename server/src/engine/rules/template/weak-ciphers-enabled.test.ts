import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { expectTemplateFindingsAt, runTemplateRule } from '../../../testing/ruleTester';
import { weakCiphersEnabled } from './weak-ciphers-enabled';

describe('weak-ciphers-enabled', () => {
  test('3DES enabled through a parameter default is reported at info level on the value', () => {
    const { findings } = expectTemplateFindingsAt(
      weakCiphersEnabled,
      'bicep',
      `param tripleDes string = 'True'
resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {
  name: 'svc'
  properties: {
    ⟦customProperties⟧: {
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168': ⟦tripleDes⟧
    }
  }
}
`,
    );
    assert.equal(findings[0].severity, 'info');
    assert.equal(findings[1].severity, 'info');
    assert.equal(findings[1].message, 'The switch Ciphers.TripleDes168 enables a weak cipher; set it to "False".');
  });

  test('the missing-switches fix creates properties and customProperties in an empty body', () => {
    const text = "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n}\n";
    const [finding] = runTemplateRule(weakCiphersEnabled, 'bicep', text);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.ok(
      fixed.startsWith(
        "resource svc 'Microsoft.ApiManagement/service@2022-08-01' = {\n  name: 'svc'\n  properties: {\n    customProperties: {\n      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168': 'False'\n",
      ),
    );
    assert.deepEqual(runTemplateRule(weakCiphersEnabled, 'bicep', fixed), []);
  });
});
