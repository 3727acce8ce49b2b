import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REVIEW_WORKSPACE_REQUEST, type ReviewWorkspaceParams, type ReviewWorkspaceResult } from '../../server/src/protocol/customRequests';

/** The command palette entries; each one forwards to the language server. */
export function registerCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('apimStudio.reviewWorkspace', async () => {
      const client = getClient();
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
      if (!client || folders.length === 0) {
        void vscode.window.showWarningMessage('APIM Studio: open a folder to review it.');
        return undefined;
      }
      const params: ReviewWorkspaceParams = { folders };
      const result = await client.sendRequest<ReviewWorkspaceResult>(REVIEW_WORKSPACE_REQUEST, params);
      void vscode.window.showInformationMessage(
        `APIM Studio reviewed ${result.documents} document${result.documents === 1 ? '' : 's'}: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos.`,
      );
      return result;
    }),
    vscode.commands.registerCommand('apimStudio.openRuleDocs', async (url: unknown) => {
      // The URL comes from our own code action; still, open nothing but https links.
      if (typeof url === 'string' && url.startsWith('https://')) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand('apimStudio.restartServer', async () => {
      await getClient()?.restart();
    }),
  );
}
