// The editor tabs of the workbench. The extension host learns about tab changes asynchronously, after
// the command that caused them has resolved, so tests wait for the tabs they expect.
import * as vscode from 'vscode';
import { revertAndCloseActiveEditor } from './workspaceFiles';

const WAIT_MS = 15_000;
// More than the tabs any test opens; a teardown that needs more is stuck.
const MAX_CLOSE_ATTEMPTS = 20;

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

function describeTab(tab: vscode.Tab): string {
  const input = tab.input;
  const kind = input instanceof vscode.TabInputWebview ? `webview ${input.viewType}` : input instanceof vscode.TabInputText ? input.uri.toString() : 'other';
  return `${tab.label} (${kind}${tab.isActive ? ', active' : ''}${tab.group.isActive ? ', active group' : ''})`;
}

export function describeTabs(): string {
  return allTabs().map(describeTab).join('; ') || 'none';
}

/** Resolves once the active tab satisfies `accept`; rejects with the open tabs after a while. */
export function activeTabWhen(accept: (tab: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`waited ${WAIT_MS / 1000} s for ${what}; tabs now: ${describeTabs()}`));
    }, WAIT_MS);
    const check = (): void => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      if (!tab || !accept(tab)) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(tab);
    };
    subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

/**
 * Closes every editor, text or webview, dropping unsaved changes one editor at a time: closing them all
 * at once would ask whether to save, in a dialog nobody answers.
 */
export async function revertAndCloseAllEditors(): Promise<void> {
  // Dirty documents first, each shown and reverted by itself: the tab list reaches the extension host late on a
  // loaded machine, and an edit left behind would leak into the next test.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && candidate.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await revertAndCloseActiveEditor();
  }
  for (let attempt = 0; attempt < MAX_CLOSE_ATTEMPTS && allTabs().length > 0; attempt++) await revertAndCloseActiveEditor();
  if (allTabs().length > 0) throw new Error(`editors stay open after ${MAX_CLOSE_ATTEMPTS} attempts to close them: ${describeTabs()}`);
}
