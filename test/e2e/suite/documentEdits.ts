// Unsaved edits to open fixture documents, the way typing changes them; teardowns revert them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The offset of the only occurrence of `search`; fails when it is missing or ambiguous. */
export function offsetOfOnly(document: vscode.TextDocument, search: string): number {
  const text = document.getText();
  const offset = text.indexOf(search);
  assert.ok(offset >= 0, `${JSON.stringify(search)} is not in ${document.uri.path}`);
  assert.equal(text.indexOf(search, offset + 1), -1, `${JSON.stringify(search)} occurs more than once in ${document.uri.path}`);
  return offset;
}

/** Replaces the only occurrence of `search` through a WorkspaceEdit, leaving the document dirty. */
export async function replaceOnly(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const start = offsetOfOnly(document, search);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `the edit of ${document.uri.path} was not applied`);
}

/** The position right after the only occurrence of `search`. */
export function positionAfter(document: vscode.TextDocument, search: string): vscode.Position {
  return document.positionAt(offsetOfOnly(document, search) + search.length);
}
