import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';

// createConnection picks the transport from the command line: --stdio (other editors), --node-ipc (VS Code).
startLanguageServer(createConnection(ProposedFeatures.all));
