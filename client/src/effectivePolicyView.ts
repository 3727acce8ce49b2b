import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EFFECTIVE_POLICY_REQUEST, type EffectivePolicyParams, type EffectivePolicyResult } from '../../server/src/protocol/customRequests';

/** Virtual documents `apim-effective:` show what really runs for a policy file; read-only by construction. */
export const EFFECTIVE_POLICY_SCHEME = 'apim-effective';

class EffectivePolicyProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.getClient();
    if (!client) return '<!-- The APIM Studio language server is not running. -->\n';
    const params: EffectivePolicyParams = { uri: uri.query };
    const result = await client.sendRequest<EffectivePolicyResult>(EFFECTIVE_POLICY_REQUEST, params);
    return result.text;
  }
}

export function registerEffectivePolicyView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_POLICY_SCHEME, new EffectivePolicyProvider(getClient)),
    vscode.commands.registerCommand('apimStudio.showEffectivePolicy', async (target?: vscode.Uri) => {
      const source = target ?? vscode.window.activeTextEditor?.document.uri;
      if (!source) {
        void vscode.window.showWarningMessage('APIM Studio: open a policy file to see its effective policy.');
        return undefined;
      }
      const name = source.path.split('/').slice(-3).join('/');
      const uri = vscode.Uri.from({ scheme: EFFECTIVE_POLICY_SCHEME, path: `/Effective policy of ${name}`, query: source.toString() });
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'apim-policy');
      await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return document.getText();
    }),
  );
}
