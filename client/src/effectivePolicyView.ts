import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION,
  EFFECTIVE_POLICY_REQUEST,
  type EffectivePolicyParams,
  type EffectivePolicyResult,
} from '../../server/src/protocol/customRequests';

/** Virtual documents `apim-effective:` show what really runs for a policy file; read-only by construction. */
export const EFFECTIVE_POLICY_SCHEME = 'apim-effective';

/** The source policy and the chain an effective-policy URI shows: `?source=<uri>&chain=<name>`. */
function targetOf(uri: vscode.Uri): { source: string; chain: string | undefined } {
  const query = new URLSearchParams(uri.query);
  return { source: query.get('source') ?? '', chain: query.get('chain') ?? undefined };
}

/**
 * The view's URI. Its path is the tab title; a tab shows the last path segment, so the title's slashes are written
 * as U+2215 (a division slash that looks the same).
 */
function viewUri(source: vscode.Uri, result: EffectivePolicyResult, chain: string | undefined): vscode.Uri {
  const title = (result.title ?? 'Effective policy').replace(/\//g, '\u2215');
  const query = new URLSearchParams({ source: source.toString(), ...(chain !== undefined ? { chain } : {}) });
  return vscode.Uri.from({ scheme: EFFECTIVE_POLICY_SCHEME, path: `/${title}`, query: query.toString() });
}

/**
 * Live: re-renders every open view when the server says that a document an effective policy can depend on changed
 * (an edit, or a file created, saved or deleted), so a parent policy's new limit shows at once.
 */
class EffectivePolicyProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.getClient();
    if (!client) return '<!-- The APIM Studio language server is not running. -->\n';
    const { source, chain } = targetOf(uri);
    const params: EffectivePolicyParams = { uri: source, chain: chain ?? '' };
    const result = await client.sendRequest<EffectivePolicyResult>(EFFECTIVE_POLICY_REQUEST, params);
    return result.text;
  }

  /** Asks VS Code to fetch every open view again. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === EFFECTIVE_POLICY_SCHEME) this.changes.fire(document.uri);
    }
  }

  dispose(): void {
    this.changes.dispose();
  }
}

async function request(client: LanguageClient, source: vscode.Uri, chain?: string): Promise<EffectivePolicyResult> {
  const params: EffectivePolicyParams = { uri: source.toString(), chain: chain ?? '' };
  return client.sendRequest<EffectivePolicyResult>(EFFECTIVE_POLICY_REQUEST, params);
}

async function showView(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'apim-policy');
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return document;
}

/**
 * The server's "effective policy inputs changed" notification as an event any number of views can follow:
 * the client keeps one handler per notification method, so a second `client.onNotification` for the same
 * method replaces the first (the service view silently took the effective policy view's updates).
 */
export function inputsChangedEvent(context: vscode.ExtensionContext, client: LanguageClient): vscode.Event<void> {
  const emitter = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    emitter,
    client.onNotification(EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION, () => emitter.fire()),
  );
  return emitter.event;
}

export function registerEffectivePolicyView(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): {
  /** Call once the client runs, with the server's change notification (see `inputsChangedEvent`). */
  readonly listen: (inputsChanged: vscode.Event<void>) => void;
} {
  const provider = new EffectivePolicyProvider(getClient);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_POLICY_SCHEME, provider),
    // Saving can change what the server reads from disk for files it does not hold open.
    vscode.workspace.onDidSaveTextDocument(() => provider.refreshAll()),
    vscode.commands.registerCommand('apimStudio.showEffectivePolicy', async (target?: vscode.Uri, chain?: string) => {
      const source = target ?? vscode.window.activeTextEditor?.document.uri;
      const client = getClient();
      if (!source || source.scheme === EFFECTIVE_POLICY_SCHEME) {
        void vscode.window.showWarningMessage('APIM Studio: open a policy file to see its effective policy.');
        return undefined;
      }
      if (!client) {
        void vscode.window.showWarningMessage('APIM Studio: the language server is not running.');
        return undefined;
      }
      const first = await request(client, source, chain);
      const shownChain = first.chain ?? first.chains?.[0];
      const document = await showView(viewUri(source, first, shownChain));
      return document.getText();
    }),
    vscode.commands.registerCommand('apimStudio.switchEffectivePolicyChain', async (target?: vscode.Uri) => {
      const view = target ?? vscode.window.activeTextEditor?.document.uri;
      const client = getClient();
      if (!view || view.scheme !== EFFECTIVE_POLICY_SCHEME || !client) return undefined;
      const { source, chain } = targetOf(view);
      const result = await request(client, vscode.Uri.parse(source), chain);
      const chains = result.chains ?? [];
      if (chains.length < 2) {
        void vscode.window.showInformationMessage(`APIM Studio: this policy has ${chains.length === 1 ? 'only one chain' : 'no chain of its own'}.`);
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        chains.map((name) => ({ label: name, description: name === result.chain ? 'shown' : undefined })),
        { title: 'Show the effective policy via', placeHolder: 'Product (or no product) the request comes through' },
      );
      if (!picked) return undefined;
      const next = await request(client, vscode.Uri.parse(source), picked.label);
      const document = await showView(viewUri(vscode.Uri.parse(source), next, picked.label));
      return document.getText();
    }),
  );
  return {
    listen: (inputsChanged) => {
      context.subscriptions.push(inputsChanged(() => provider.refreshAll()));
    },
  };
}
