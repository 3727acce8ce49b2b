import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReviewWorkspaceResult } from '../../../server/src/protocol/customRequests';
import { ReviewReportPanel } from './reviewReportPanel';

/** "APIM: Review Workspace" and "APIM: Review Current File": run the review in the server and show the report. */
export function registerReviewCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const panel = new ReviewReportPanel(getClient);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand('apimStudio.reviewWorkspace', async (): Promise<ReviewWorkspaceResult | undefined> => {
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
      if (folders.length === 0) {
        void vscode.window.showWarningMessage('APIM Studio: open a folder to review it.');
        return undefined;
      }
      return panel.review({ paths: folders, baseFolder: folders[0] });
    }),
    vscode.commands.registerCommand('apimStudio.reviewCurrentFile', async (): Promise<ReviewWorkspaceResult | undefined> => {
      const document = vscode.window.activeTextEditor?.document;
      if (document?.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('APIM Studio: open a saved policy file to review it.');
        return undefined;
      }
      // The server reads files from disk, so the report reflects what is saved.
      if (document.isDirty) await document.save();
      const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? dirname(document.uri.fsPath);
      return panel.review({ paths: [document.uri.fsPath], baseFolder: folder });
    }),
  );
}
