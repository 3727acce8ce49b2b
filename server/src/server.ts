import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';
import { StdioFramingGuard } from './lsp/stdioFramingGuard';

/** Over stdio, a malformed frame is skipped instead of ending the connection; stdout carries only protocol. */
function stdioConnection(): Connection {
  const input = process.stdin.pipe(new StdioFramingGuard((message) => process.stderr.write(`${message}\n`)));
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  // What `createConnection` does itself for --stdio: console output would corrupt the protocol stream.
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  return connection;
}

// createConnection picks the transport from the command line: --stdio (other editors), --node-ipc (VS Code).
startLanguageServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
