import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionTitled } from './codeActionWaits';
import { diagnosticCode, diagnosticsWhen, ourDiagnostics } from './diagnosticWaits';
import { revertAndCloseAllEditors } from './editorTabs';
import { ARM_TEMPLATE, TERRAFORM_POLICY, openWorkspaceFile } from './workspaceFiles';

const LEGACY_TLS = 'legacy-tls-enabled';
const FIX_TITLE = 'Set Protocols.Tls10 to "False"';
const TLS10_SWITCH = '"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10"';
const INSECURE_URL = 'insecure-url';
const SUPPRESS_INSECURE_URL = 'Suppress insecure-url on this line (with a reason)';

suite('templates', () => {
  teardown(revertAndCloseAllEditors);

  test('a template that enables TLS 1.0 gets legacy-tls-enabled on the switch value; its quick fix sets "False"', async () => {
    const document = await openWorkspaceFile(ARM_TEMPLATE);
    assert.equal(document.languageId, 'json');
    const diagnostics = await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, LEGACY_TLS).length > 0, `a ${LEGACY_TLS} diagnostic`);
    const [diagnostic, ...others] = ourDiagnostics(diagnostics, LEGACY_TLS);
    assert.equal(others.length, 0);
    assert.equal(diagnostic.source, 'apim-studio');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'The switch Protocols.Tls10 enables a legacy protocol; set it to "False".');
    // Line 15 holds the Tls10 switch; the range is its value.
    assert.equal(diagnostic.range.start.line, 14);
    assert.equal(document.getText(diagnostic.range), '"True"');

    const fix = await codeActionTitled(document.uri, diagnostic.range, FIX_TITLE);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the quick fix carries no edit');
    const before = document.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.lineAt(14).text, `          ${TLS10_SWITCH}: "False",`);
    // Only that value changed.
    assert.equal(document.getText(), before.replace(`${TLS10_SWITCH}: "True"`, `${TLS10_SWITCH}: "False"`));
    await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, LEGACY_TLS).length === 0, `the ${LEGACY_TLS} diagnostic to go away`);
  });

  test('a Terraform xml_content heredoc policy gets insecure-url; the suppress fix writes an XML comment inside the heredoc', async () => {
    const document = await openWorkspaceFile(TERRAFORM_POLICY);
    const diagnostics = await diagnosticsWhen(document.uri, (all) => ourDiagnostics(all, INSECURE_URL).length > 0, `an ${INSECURE_URL} diagnostic`);
    const [diagnostic, ...others] = ourDiagnostics(diagnostics, INSECURE_URL);
    assert.equal(others.length, 0);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // Line 11 of the heredoc: <set-backend-service base-url="http://orders.internal" />
    assert.equal(diagnostic.range.start.line, 10);
    assert.equal(document.getText(diagnostic.range), 'http://');

    const suppress = await codeActionTitled(document.uri, diagnostic.range, SUPPRESS_INSECURE_URL);
    assert.ok(suppress.edit, 'the suppression carries no edit');
    assert.equal(await vscode.workspace.applyEdit(suppress.edit), true);
    // Inside the heredoc a `#` line would become part of the policy XML: the directive is an XML comment.
    assert.equal(document.lineAt(10).text, '    <!-- apim-studio-disable-next-line insecure-url: reason -->');
    await diagnosticsWhen(
      document.uri,
      (all) => ourDiagnostics(all, INSECURE_URL).length === 0 && all.every((other) => !/^xml-|^unused-suppression$/.test(diagnosticCode(other))),
      `the ${INSECURE_URL} diagnostic to go away, with no XML error`,
    );
  });
});
