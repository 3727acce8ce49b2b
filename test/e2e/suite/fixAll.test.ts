import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsWhen } from './codeActionWaits';
import { diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { revertAndCloseAllEditors } from './editorTabs';
import { UNCLOSED_VALUE_POLICY, openWorkspaceFile } from './workspaceFiles';

const UNCLOSED = 'xml-unclosed-element';
const FIX_ALL = 'source.fixAll.apim-studio';

suite('fix all', () => {
  teardown(revertAndCloseAllEditors);

  test('source.fixAll.apim-studio closes the unclosed <value> and the error goes away', async () => {
    const document = await openWorkspaceFile(UNCLOSED_VALUE_POLICY);
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, UNCLOSED).length === 1, `one ${UNCLOSED} diagnostic`);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActionsWhen(document.uri, whole, (all) => all.length > 0, `a ${FIX_ALL} action`, FIX_ALL);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value]),
      [['Fix all APIM Studio problems that have a safe fix', FIX_ALL]],
    );
    const [fixAll] = actions;
    assert.ok(fixAll.edit, 'the fix-all action carries no edit');
    const before = document.getText();
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    // The end tag goes on its own line before </set-header>, indented like <value>; nothing else changes.
    assert.equal(document.getText(), before.replace('      <value>e2e\n', '      <value>e2e\n      </value>\n'));
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, UNCLOSED).length === 0, `the ${UNCLOSED} diagnostic to go away`);
  });
});
