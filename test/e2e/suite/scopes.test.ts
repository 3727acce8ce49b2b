import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { replaceOnly } from './documentEdits';
import { revertAndCloseAllEditors } from './editorTabs';
import { APIOPS_API_A_POLICY, APIOPS_API_B_POLICY, APIOPS_PRODUCT_POLICY, openWorkspaceFile, workspaceUri } from './workspaceFiles';

const RATE_LIMIT_MISSING = 'rate-limit-missing';
const PRODUCT_RATE_LIMIT = '    <rate-limit calls="100" renewal-period="60" />\n';

/** Waits for a finding every fixture API policy gets, so the server is known to have analysed the document. */
function analysed(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhen(uri, (all) => ourDiagnostics(all, 'content-validation-missing').length > 0, `the analysis of ${uri.path}`);
}

function withRateLimitMissing(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhen(uri, (all) => ourDiagnostics(all, RATE_LIMIT_MISSING).length > 0, `${RATE_LIMIT_MISSING} on ${uri.path}`);
}

suite('Well-Architected findings across scopes (APIOps)', () => {
  teardown(revertAndCloseAllEditors);

  test('an API outside any product without a rate limit is reported; one published in a limited product is not', async () => {
    const apiB = await openWorkspaceFile(APIOPS_API_B_POLICY, true);
    const [finding, ...more] = ourDiagnostics(await withRateLimitMissing(apiB.uri), RATE_LIMIT_MISSING);
    assert.equal(more.length, 0);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(
      finding.message,
      'No rate limit or quota runs for calls that reach the API without a product subscription: add rate-limit-by-key or quota-by-key to inbound.',
    );
    // Reported on the name of the <inbound> start tag on line 2.
    assert.equal(finding.range.start.line, 1);
    assert.equal(apiB.getText(finding.range), 'inbound');

    const apiA = await openWorkspaceFile(APIOPS_API_A_POLICY, true);
    assert.deepEqual(ourDiagnostics(await analysed(apiA.uri), RATE_LIMIT_MISSING), []);
  });

  test('removing the product rate limit in the open product policy reports API a; reverting clears it', async () => {
    const apiA = await openWorkspaceFile(APIOPS_API_A_POLICY, true);
    assert.deepEqual(ourDiagnostics(await analysed(apiA.uri), RATE_LIMIT_MISSING), []);
    const product = await openWorkspaceFile(APIOPS_PRODUCT_POLICY, true);
    await replaceOnly(product, PRODUCT_RATE_LIMIT, '');
    assert.equal(product.isDirty, true, 'the product edit must stay unsaved: the server reads the open buffer');

    const [finding] = ourDiagnostics(await withRateLimitMissing(apiA.uri), RATE_LIMIT_MISSING);
    assert.equal(finding.message, 'No rate limit or quota runs via product p: add rate-limit-by-key or quota-by-key to inbound.');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);

    // The product editor is the active one; reverting it gives the server the text on disk again.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(APIOPS_PRODUCT_POLICY).toString());
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhen(apiA.uri, (all) => ourDiagnostics(all, RATE_LIMIT_MISSING).length === 0, `${RATE_LIMIT_MISSING} to go away after the revert`);
  });
});
