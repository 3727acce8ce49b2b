import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerReviewCommands } from './report/reviewCommands';

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
  );
}
