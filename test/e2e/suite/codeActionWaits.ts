// Asking for code actions until the expected ones are there. Code actions come from the server's
// analysis of the current version of a document, and VS Code may show a diagnostic before a code action
// request can find it: after a reopen it still shows the previous open's diagnostics for a moment, and
// in about one run in ten a first request on a JSON template answered no action at all. Under CPU load
// VS Code also cancels a request when the document's diagnostics or version move while it runs (the
// command then rejects with "Canceled"): that request is simply asked again.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const RETRY_MS = 200;
const WAIT_MS = 15_000;

function titles(actions: readonly vscode.CodeAction[]): string {
  return JSON.stringify(actions.map((action) => action.title));
}

/** One code action request; undefined when VS Code canceled it. */
async function codeActionsOnce(uri: vscode.Uri, range: vscode.Range, kind: string | undefined): Promise<vscode.CodeAction[] | undefined> {
  try {
    return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
  } catch (error) {
    if (error instanceof Error && error.name === 'Canceled') return undefined;
    throw error;
  }
}

/** The code actions for a range (of one kind, when given) once `accept` holds for them; fails after a while. */
export async function codeActionsWhen(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: vscode.CodeAction[]) => boolean,
  what: string,
  kind?: string,
): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const actions = await codeActionsOnce(uri, range, kind);
    if (actions !== undefined && accept(actions)) return actions;
    if (Date.now() > deadline) assert.fail(`waited ${WAIT_MS / 1000} s for ${what}; code actions now: ${actions === undefined ? 'canceled' : titles(actions)}`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** The code action with this title, once the server offers it. */
export async function codeActionTitled(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  const actions = await codeActionsWhen(uri, range, (all) => all.some((action) => action.title === title), `"${title}"`);
  const [action, ...more] = actions.filter((candidate) => candidate.title === title);
  assert.equal(more.length, 0, `"${title}" is offered more than once: ${titles(actions)}`);
  return action;
}
