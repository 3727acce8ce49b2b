import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeTabWhen, revertAndCloseAllEditors } from './editorTabs';
import { BICEP_SERVICE, openWorkspaceFile, workspaceUri } from './workspaceFiles';

suite('APIM service view', () => {
  teardown(revertAndCloseAllEditors);

  test("a Bicep API's inline policy shows its effective policy from the view's node, through its first product", async () => {
    // The view's node names the inline policy by its template and the line its string starts on.
    const template = await openWorkspaceFile(BICEP_SERVICE);
    const line = template.positionAt(template.getText().indexOf("value: '''")).line + 1;
    const node = {
      label: 'orders',
      kind: 'api',
      effectivePolicyUri: workspaceUri(BICEP_SERVICE)
        .with({ fragment: `L${line}` })
        .toString(),
    };
    const text = await vscode.commands.executeCommand<string | undefined>('apimStudio.showEffectivePolicyOfNode', node);
    assert.ok(text, 'the command returned no text');
    assert.match(text, /<rate-limit calls="100" renewal-period="60" \/>[^]*<set-backend-service backend-id="orders-backend" \/>/);
    await activeTabWhen((tab) => tab.label === 'Effective policy: orders (via product gold)', 'the effective policy tab');
  });
});
