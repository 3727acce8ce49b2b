import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionTitled } from './codeActionWaits';
import { diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { UNCLOSED_BACKEND_POLICY, openWorkspaceFile, revertAndCloseActiveEditor } from './workspaceFiles';

const UNCLOSED = 'xml-unclosed-element';

suite('diagnostics and quick fixes', () => {
  teardown(revertAndCloseActiveEditor);

  test('an unclosed <backend> is reported on its start tag name', async () => {
    const document = await openWorkspaceFile(UNCLOSED_BACKEND_POLICY);
    const diagnostics = await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, UNCLOSED).length > 0, `a ${UNCLOSED} diagnostic`);
    const [diagnostic, ...others] = ourDiagnostics(diagnostics, UNCLOSED);
    assert.equal(others.length, 0);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /<backend>/);
    // Line 4 is `  <backend>`: the range covers the name `backend`.
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [4, 3, 4, 10]);
    assert.equal(document.getText(diagnostic.range), 'backend');
  });

  test('the preferred quick fix inserts </backend> and the diagnostic goes away', async () => {
    const document = await openWorkspaceFile(UNCLOSED_BACKEND_POLICY);
    const diagnostics = await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, UNCLOSED).length > 0, `a ${UNCLOSED} diagnostic`);
    const [diagnostic] = ourDiagnostics(diagnostics, UNCLOSED);
    const fix = await codeActionTitled(document.uri, diagnostic.range, 'Insert </backend>');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.getText(), '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>\n');
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, UNCLOSED).length === 0, `the ${UNCLOSED} diagnostic to go away`);
  });
});
