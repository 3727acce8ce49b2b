import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type DocumentSyncConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function isOpen(params: unknown): params is DidOpenTextDocumentParams {
  const document = isRecord(params) ? params.textDocument : undefined;
  return (
    isRecord(document) &&
    typeof document.uri === 'string' &&
    typeof document.languageId === 'string' &&
    Number.isInteger(document.version) &&
    typeof document.text === 'string'
  );
}

function isChange(params: unknown): params is DidChangeTextDocumentParams {
  if (!isRecord(params) || !isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string' || !Number.isInteger(params.textDocument.version))
    return false;
  const changes = params.contentChanges;
  return (
    Array.isArray(changes) &&
    changes.every(
      (change: unknown) =>
        isRecord(change) &&
        typeof change.text === 'string' &&
        (change.range === undefined || (isRecord(change.range) && isPosition(change.range.start) && isPosition(change.range.end))),
    )
  );
}

function isClose(params: unknown): params is DidCloseTextDocumentParams {
  return isRecord(params) && isRecord(params.textDocument) && typeof params.textDocument.uri === 'string';
}

/**
 * The document-sync notifications of `connection`, with malformed ones (`text: null`, a number for a version)
 * dropped and logged: TextDocuments trusts its input, and one bad notification from a client would otherwise
 * end the server process.
 */
export function validatedDocumentSync(connection: Connection, report: (message: string) => void): DocumentSyncConnection {
  const guarded =
    <P>(method: string, isValid: (params: unknown) => params is P) =>
    (handler: (params: P) => void) =>
    (params: unknown): void => {
      if (isValid(params)) handler(params);
      else report(`APIM Studio: ignored a malformed ${method} notification.`);
    };
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(guarded('textDocument/didOpen', isOpen)(handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(guarded('textDocument/didChange', isChange)(handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(guarded('textDocument/didClose', isClose)(handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
  };
}
