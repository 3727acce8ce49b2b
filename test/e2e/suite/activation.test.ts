import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, ORDERS_POLICY, UNCLOSED_BACKEND_POLICY, openWorkspaceFile, revertAndCloseActiveEditor } from './workspaceFiles';

suite('activation', () => {
  teardown(revertAndCloseActiveEditor);

  test('policy.xml and *.policy.xml files get the apim-policy language', async () => {
    assert.equal((await openWorkspaceFile(UNCLOSED_BACKEND_POLICY)).languageId, 'apim-policy');
    await revertAndCloseActiveEditor();
    assert.equal((await openWorkspaceFile(ORDERS_POLICY)).languageId, 'apim-policy');
  });

  test('the extension is active once a policy file is open', async () => {
    await openWorkspaceFile(ORDERS_POLICY);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // Activation is triggered by the open file; activate() only waits for it to finish.
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
