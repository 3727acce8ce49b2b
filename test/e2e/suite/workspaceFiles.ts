// Access to the fixture workspace (test/e2e/fixtures/workspace) the tests run in.
import * as vscode from 'vscode';

/** Our extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'apim-studio.apim-studio';

/** A policy with an unclosed <backend> element, recognised by its file name `policy.xml`. */
export const UNCLOSED_BACKEND_POLICY = 'apis/echo/policy.xml';
/** A complete policy with every section, recognised by its `.policy.xml` extension. */
export const ORDERS_POLICY = 'apis/orders/orders.policy.xml';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e tests need the fixture workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Closes the active editor and drops its unsaved changes, so fixture files stay as they are on disk. */
export async function revertAndCloseActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
