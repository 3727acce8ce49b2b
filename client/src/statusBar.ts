import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

/** Our diagnostics' source (DIAGNOSTIC_SOURCE in server/src/lsp/toLsp.ts). */
const SOURCE = 'apim-studio';

/** "$(error) 2 $(warning) 5": our findings in every file VS Code has diagnostics for. */
function countsText(): { text: string; tooltip: string } {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      else others++;
    }
  }
  return {
    text: `$(error) ${errors} $(warning) ${warnings} $(info) ${others}`,
    tooltip: `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} info${others === 1 ? '' : 's'}`,
  };
}

/**
 * The APIM status bar item: whether the language server runs, and the findings it reports (open files, and every
 * reviewed file after a review); a click reviews the workspace.
 */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('apimStudio.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'APIM Studio';
  item.command = { command: 'apimStudio.reviewWorkspace', title: 'Review Workspace' };
  let state = client.state;
  const update = (): void => {
    if (state === State.Running) {
      const counts = countsText();
      item.text = `APIM ${counts.text}`;
      item.tooltip = `APIM Studio: language server running. ${counts.tooltip}. Click to review the workspace.`;
      item.backgroundColor = undefined;
    } else {
      item.text = state === State.Starting ? 'APIM $(sync~spin)' : 'APIM $(debug-disconnect)';
      item.tooltip = `APIM Studio: language server ${state === State.Starting ? 'starting' : 'stopped'}. Click to review the workspace.`;
      item.backgroundColor = state === State.Stopped ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
  };
  context.subscriptions.push(
    item,
    client.onDidChangeState((event) => {
      state = event.newState;
      update();
    }),
    vscode.languages.onDidChangeDiagnostics(update),
  );
  update();
  item.show();
}
