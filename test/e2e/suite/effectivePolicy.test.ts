import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAndCloseAllEditors } from './editorTabs';
import { APIOPS_API_A_POLICY, workspaceUri } from './workspaceFiles';

suite('effective policy', () => {
  teardown(revertAndCloseAllEditors);

  test('APIM: Show Effective Policy puts the product rate limit before the API statements', async () => {
    const text = await vscode.commands.executeCommand<string | undefined>('apimStudio.showEffectivePolicy', workspaceUri(APIOPS_API_A_POLICY));
    assert.ok(text, 'the command returned no text');
    const lines = text.split('\n');
    assert.equal(lines[0], '<!-- Effective policy of API a, via product p. Read-only. -->');
    assert.equal(lines[1], '<!-- Scopes: global (apiops/policy.xml) > product p (apiops/products/p/policy.xml) > API a (apiops/apis/a/policy.xml) -->');
    // The product's rate limit runs first, where the API's <base /> stands, then the API's own statements.
    const inbound = lines.slice(lines.indexOf('  <inbound>'), lines.indexOf('  </inbound>') + 1);
    assert.deepEqual(inbound, [
      '  <inbound>',
      '    <!-- from product p: apiops/products/p/policy.xml -->',
      '    <rate-limit calls="100" renewal-period="60" />',
      '    <!-- from API a: apiops/apis/a/policy.xml -->',
      '    <set-header name="X-Api" exists-action="override">',
      '      <value>a</value>',
      '    </set-header>',
      '  </inbound>',
    ]);

    // The command shows the same text as a read-only apim-policy document.
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown, 'no editor shows the effective policy');
    assert.equal(shown.uri.scheme, 'apim-effective');
    assert.equal(shown.languageId, 'apim-policy');
    assert.equal(shown.getText(), text);
  });
});
