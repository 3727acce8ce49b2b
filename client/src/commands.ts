import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerReviewCommands } from './report/reviewCommands';

/** The file Open Configuration creates when there is none: commented, as docs/configuration.md explains it. */
const STARTER_CONFIG = `{
  // APIM Studio configuration: see https://github.com/apim-studio/apim-studio/blob/main/docs/configuration.md
  "$schema": "https://raw.githubusercontent.com/apim-studio/apim-studio/main/schemas/apim-studio.schema.json",
  "extends": "recommended",    // recommended | strict | all
  "environment": "production", // production | nonproduction
  "gateway": "classic",        // classic | v2 | consumption | self-hosted | workspace
  "rules": {},
  "ignore": []
}
`;

/** The command palette entries; each one forwards to the language server. */
export function registerCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  registerReviewCommands(context, getClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('apimStudio.openRuleDocs', async (url: unknown) => {
      // The URL comes from our own code action; still, open nothing but https links.
      if (typeof url === 'string' && url.startsWith('https://')) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand('apimStudio.restartServer', async () => {
      await getClient()?.restart();
    }),
    vscode.commands.registerCommand('apimStudio.openConfiguration', async () => {
      const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
      if (!folder) {
        void vscode.window.showWarningMessage('APIM Studio: open a folder to configure it.');
        return undefined;
      }
      const uri = vscode.Uri.joinPath(folder.uri, '.apim-studio.json');
      const exists = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_CONFIG));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      return uri.toString();
    }),
  );
}
