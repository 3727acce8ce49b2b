import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVICE_TREE_REQUEST, type ServiceTreeItem, type ServiceTreeResult } from '../../server/src/protocol/customRequests';

const ICONS: Readonly<Record<string, string>> = {
  service: 'server',
  group: 'folder',
  global: 'globe',
  api: 'symbol-interface',
  operation: 'symbol-method',
  product: 'package',
  fragment: 'symbol-snippet',
  'named-value': 'symbol-constant',
  backend: 'server-environment',
};

/**
 * The APIM Service view in the Explorer: APIs and their operations, products, fragments, named values and backends
 * of the workspace's APIOps trees and of the services its ARM and Bicep templates declare, each with its finding
 * count. A click opens the policy (or information file, or the template at the resource or inline policy); the
 * context menu shows a policy's effective policy. Fed by the server's `apimStudio/serviceTree` request.
 */
class ServiceTreeProvider implements vscode.TreeDataProvider<ServiceTreeItem> {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changes.fire();
  }

  async getChildren(element?: ServiceTreeItem): Promise<ServiceTreeItem[]> {
    if (element) return [...(element.children ?? [])];
    const client = this.getClient();
    if (!client?.isRunning()) return [];
    const result = await client.sendRequest<ServiceTreeResult>(SERVICE_TREE_REQUEST, {});
    return [...result.nodes];
  }

  getTreeItem(element: ServiceTreeItem): vscode.TreeItem {
    const collapsible = element.children && element.children.length > 0;
    const state = !collapsible
      ? vscode.TreeItemCollapsibleState.None
      : element.kind === 'service'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(element.label, state);
    const findings = element.findings === undefined || element.findings === 0 ? '' : `${element.findings} finding${element.findings === 1 ? '' : 's'}`;
    item.description = [element.description, findings].filter((part) => part !== undefined && part !== '').join(' · ');
    item.iconPath = new vscode.ThemeIcon(ICONS[element.kind] ?? 'circle-outline');
    item.contextValue = element.hasEffectivePolicy ? 'apimPolicy' : element.kind;
    if (element.file) {
      const uri = vscode.Uri.file(element.file);
      const at = element.position;
      item.resourceUri = uri;
      item.tooltip = `${element.file}${at ? `:${at.line + 1}` : ''}${findings ? `\n${findings}` : ''}`;
      // A policy or resource inside a template opens the template there.
      const options: vscode.TextDocumentShowOptions | undefined = at
        ? { selection: new vscode.Range(at.line, at.character, at.line, at.character) }
        : undefined;
      item.command = { command: 'vscode.open', title: 'Open', arguments: options ? [uri, options] : [uri] };
    }
    return item;
  }
}

export function registerServiceView(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): { readonly listen: (inputsChanged: vscode.Event<void>) => void } {
  const provider = new ServiceTreeProvider(getClient);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('apimStudio.serviceView', provider),
    vscode.commands.registerCommand('apimStudio.refreshServiceView', () => provider.refresh()),
    vscode.commands.registerCommand('apimStudio.showEffectivePolicyOfNode', (node: ServiceTreeItem | undefined) =>
      node?.effectivePolicyUri ? vscode.commands.executeCommand('apimStudio.showEffectivePolicy', vscode.Uri.parse(node.effectivePolicyUri)) : undefined,
    ),
    // Finding counts follow the diagnostics (open files, and every reviewed file after a review).
    vscode.languages.onDidChangeDiagnostics(() => provider.refresh()),
  );
  return {
    listen: (inputsChanged) => {
      context.subscriptions.push(inputsChanged(() => provider.refresh()));
      provider.refresh();
    },
  };
}
