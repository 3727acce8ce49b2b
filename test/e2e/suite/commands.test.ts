import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { ORDERS_POLICY, UNCLOSED_BACKEND_POLICY, openWorkspaceFile, revertAndCloseActiveEditor } from './workspaceFiles';

/** What apimStudio.reviewWorkspace resolves with (server/src/protocol/customRequests.ts). */
interface ReviewSummary {
  readonly documents: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

suite('commands', () => {
  teardown(revertAndCloseActiveEditor);

  test('both commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('apimStudio.reviewWorkspace'));
    assert.ok(commands.includes('apimStudio.restartServer'));
  });

  test('APIM: Review Workspace reviews both fixture policies through the server', async () => {
    await openWorkspaceFile(ORDERS_POLICY);
    const summary = await vscode.commands.executeCommand<ReviewSummary | undefined>('apimStudio.reviewWorkspace');
    assert.ok(summary, 'the command returned no review summary');
    assert.equal(summary.documents, 2);
    // The unclosed <backend> in apis/echo/policy.xml is at least one error.
    assert.ok(summary.errors >= 1, `expected an error, got ${JSON.stringify(summary)}`);
    assert.equal(summary.findings, summary.errors + summary.warnings + summary.infos);
  });

  test('APIM: Restart Language Server brings the server back with diagnostics and outline', async () => {
    const document = await openWorkspaceFile(UNCLOSED_BACKEND_POLICY);
    await vscode.commands.executeCommand('apimStudio.restartServer');
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, 'xml-unclosed-element').length === 1, 'diagnostics after the restart');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['policies']);
  });
});
