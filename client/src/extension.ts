import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EDITOR_SELECTORS } from '../../server/src/engine/documents/editorSelectors';
import { registerCommands } from './commands';
import { inputsChangedEvent, registerEffectivePolicyView } from './effectivePolicyView';
import { registerServiceView } from './serviceView';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Starts the APIM Studio language server over IPC and registers the commands. Nothing else lives in the client. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides per document: `xml` files count only when their root is <policies> or <fragment>.
    documentSelector: [
      { scheme: 'untitled', language: 'apim-policy' },
      ...EDITOR_SELECTORS.flatMap((selector) => [
        ...selector.languageIds.map((language) => ({ scheme: 'file', language })),
        ...selector.filePatterns.map((pattern) => ({ scheme: 'file', pattern })),
      ]),
    ],
    synchronize: {
      configurationSection: 'apimStudio',
      // Effective policies depend on files that are not open: product and API policies, fragments, APIOps JSON.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.xml'),
        vscode.workspace.createFileSystemWatcher('**/*.json'),
        vscode.workspace.createFileSystemWatcher('**/*.bicep'),
        vscode.workspace.createFileSystemWatcher('**/*.{tf,tfvars}'),
        // Classic APIOps trees give operation methods only through the API's OpenAPI specification.
        vscode.workspace.createFileSystemWatcher('**/specification.{yaml,yml}'),
      ],
    },
  };
  client = new LanguageClient('apimStudio', 'APIM Studio', serverOptions, clientOptions);
  registerCommands(context, () => client);
  const effectivePolicy = registerEffectivePolicyView(context, () => client);
  const serviceView = registerServiceView(context, () => client);
  registerStatusBar(context, client);
  await client.start();
  const inputsChanged = inputsChangedEvent(context, client);
  effectivePolicy.listen(inputsChanged);
  serviceView.listen(inputsChanged);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
