import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { activeTabWhen, revertAndCloseAllEditors } from './editorTabs';
import {
  APIOPS_API_B_POLICY,
  EXTENSION_ID,
  ORDERS_POLICY,
  REVIEWED_FILES,
  UNCLOSED_BACKEND_POLICY,
  openWorkspaceFile,
  workspaceRelativePath,
  workspaceUri,
} from './workspaceFiles';

/** What the review commands resolve with (ReviewWorkspaceResult in server/src/protocol/customRequests.ts). */
interface ReviewSummary {
  readonly documents: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly files?: string[];
}

/** The part of package.json this suite reads. */
interface PackageJson {
  readonly contributes?: { readonly commands?: readonly { readonly command: string }[] };
}

function reviewedPaths(summary: ReviewSummary): string[] {
  return (summary.files ?? []).map(workspaceRelativePath).sort();
}

/** The review commands show their report in a webview tab of the active group. */
function reviewReportShown(): Promise<vscode.Tab> {
  return activeTabWhen((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('apimStudio.reviewReport'), 'the review report');
}

suite('commands', () => {
  teardown(revertAndCloseAllEditors);

  test('every command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    const expected = [
      'apimStudio.reviewWorkspace',
      'apimStudio.reviewCurrentFile',
      'apimStudio.showEffectivePolicy',
      'apimStudio.switchEffectivePolicyChain',
      'apimStudio.restartServer',
      'apimStudio.openRuleDocs',
      'apimStudio.refreshServiceView',
      'apimStudio.showEffectivePolicyOfNode',
      'apimStudio.openConfiguration',
    ];
    // Every command package.json contributes is in the list above, and registered.
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as PackageJson | undefined)?.contributes?.commands ?? [];
    assert.deepEqual(contributed.map((entry) => entry.command).sort(), [...expected].sort());
    for (const command of expected) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });

  test('APIM: Review Workspace reviews every fixture policy, template and APIOps information file through the server', async () => {
    await openWorkspaceFile(ORDERS_POLICY);
    const summary = await vscode.commands.executeCommand<ReviewSummary | undefined>('apimStudio.reviewWorkspace');
    assert.ok(summary, 'the command returned no review summary');
    assert.equal(summary.documents, REVIEWED_FILES.length);
    assert.deepEqual(reviewedPaths(summary), [...REVIEWED_FILES].sort());
    // The unclosed <backend> in apis/echo/policy.xml and the unclosed <value> in loose/ are two errors.
    assert.equal(summary.errors, 2, `expected two errors, got ${JSON.stringify(summary)}`);
    assert.equal(summary.findings, summary.errors + summary.warnings + summary.infos);
    await reviewReportShown();
    // The Problems panel now holds the findings of files that are not open (apimStudio.workspaceDiagnostics: onReview).
    await diagnosticsWhen(
      workspaceUri(APIOPS_API_B_POLICY),
      (all) => ourDiagnostics(all, 'rate-limit-missing').length > 0,
      'rate-limit-missing on API b, never opened',
    );
  });

  test('APIM: Review Current File reviews only the active policy and shows the report', async () => {
    await openWorkspaceFile(UNCLOSED_BACKEND_POLICY);
    const summary = await vscode.commands.executeCommand<ReviewSummary | undefined>('apimStudio.reviewCurrentFile');
    assert.ok(summary, 'the command returned no review summary');
    assert.equal(summary.documents, 1);
    assert.deepEqual(reviewedPaths(summary), [UNCLOSED_BACKEND_POLICY]);
    assert.equal(summary.errors, 1, `expected the unclosed <backend>, got ${JSON.stringify(summary)}`);
    await reviewReportShown();
  });

  test('APIM: Restart Language Server brings the server back with diagnostics and outline', async () => {
    const document = await openWorkspaceFile(UNCLOSED_BACKEND_POLICY);
    await vscode.commands.executeCommand('apimStudio.restartServer');
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, 'xml-unclosed-element').length === 1, 'diagnostics after the restart');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['policies'],
    );
  });
});
