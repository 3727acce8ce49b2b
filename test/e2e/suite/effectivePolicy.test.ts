import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { replaceOnly } from './documentEdits';
import { activeTabWhen, revertAndCloseAllEditors } from './editorTabs';
import { APIOPS_API_A_POLICY, APIOPS_PRODUCT_POLICY, workspaceUri } from './workspaceFiles';

const WAIT_MS = 15_000;

/** Resolves with the text once the open effective-policy document satisfies `accept` (it re-renders by itself). */
function effectiveTextWhen(document: vscode.TextDocument, accept: (text: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`waited ${WAIT_MS / 1000} s for ${what}; the view shows:\n${document.getText()}`));
    }, WAIT_MS);
    const check = (): void => {
      if (!accept(document.getText())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document.getText());
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) check();
    });
    check();
  });
}

/** A second product `q` publishing API a, with its own limit: written while a test runs, deleted after it. */
const PRODUCT_Q_FILES: Record<string, string> = {
  'apiops/products/q/productInformation.json': '{ "properties": { "displayName": "Q", "subscriptionRequired": true, "state": "published" } }\n',
  'apiops/products/q/apis/a/productApiInformation.json': '{}\n',
  'apiops/products/q/policy.xml':
    '<policies>\n  <inbound>\n    <base />\n    <rate-limit calls="7" renewal-period="60" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n',
};

suite('effective policy', () => {
  teardown(async () => {
    await revertAndCloseAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('apiops/products/q'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('APIM: Show Effective Policy puts the product rate limit before the API statements', async () => {
    const text = await vscode.commands.executeCommand<string | undefined>('apimStudio.showEffectivePolicy', workspaceUri(APIOPS_API_A_POLICY));
    assert.ok(text, 'the command returned no text');
    const lines = text.split('\n');
    assert.equal(lines[0], '<!-- Effective policy of API a, via product p. Read-only. -->');
    assert.equal(lines[1], '<!-- Scopes: global (apiops/policy.xml) > product p (apiops/products/p/policy.xml) > API a (apiops/apis/a/policy.xml) -->');
    // The product's rate limit runs first, where the API's <base /> stands, then the API's own statements.
    const inbound = lines.slice(lines.indexOf('  <inbound>'), lines.indexOf('  </inbound>') + 1);
    assert.deepEqual(inbound, [
      '  <inbound>',
      '    <!-- from product p: apiops/products/p/policy.xml -->',
      '    <rate-limit calls="100" renewal-period="60" />',
      '    <!-- from API a: apiops/apis/a/policy.xml -->',
      '    <set-header name="X-Api" exists-action="override">',
      '      <value>a</value>',
      '    </set-header>',
      '  </inbound>',
    ]);

    // The command shows the same text as a read-only apim-policy document.
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown, 'no editor shows the effective policy');
    assert.equal(shown.uri.scheme, 'apim-effective');
    assert.equal(shown.languageId, 'apim-policy');
    assert.equal(shown.getText(), text);
  });

  test('the view is live: titled by API and product, it follows an unsaved edit of the product policy and a new product on disk', async () => {
    await vscode.commands.executeCommand<string | undefined>('apimStudio.showEffectivePolicy', workspaceUri(APIOPS_API_A_POLICY));
    const tab = await activeTabWhen((candidate) => candidate.label.startsWith('Effective policy'), 'the effective policy tab');
    assert.equal(tab.label, 'Effective policy: a (via product p)');
    const view = vscode.window.activeTextEditor?.document;
    assert.ok(view && view.uri.scheme === 'apim-effective', 'the effective policy is the active editor');

    // An unsaved edit of the parent (product) policy shows in the open view, without running the command again.
    // (Shown in an editor, so that the teardown reverts it.)
    const product = await vscode.workspace.openTextDocument(workspaceUri(APIOPS_PRODUCT_POLICY));
    await vscode.window.showTextDocument(product, { preview: false, viewColumn: vscode.ViewColumn.One });
    await replaceOnly(product, 'calls="100"', 'calls="50"');
    await effectiveTextWhen(view, (text) => text.includes('<rate-limit calls="50" renewal-period="60" />'), 'the edited product limit');
    await revertAndCloseAllEditors();

    // A product created on disk makes a second chain; the command shows it by name, titled with it.
    for (const [path, text] of Object.entries(PRODUCT_Q_FILES)) await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
    const viaQ = await waitForChain('via product q');
    assert.match(viaQ, /<rate-limit calls="7" renewal-period="60" \/>/);
    await activeTabWhen((candidate) => candidate.label === 'Effective policy: a (via product q)', 'the tab of the chain via product q');
  });
});

/** Shows the chain once the server knows it (file events reach it asynchronously) and returns its text. */
async function waitForChain(chain: string): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const text = await vscode.commands.executeCommand<string | undefined>('apimStudio.showEffectivePolicy', workspaceUri(APIOPS_API_A_POLICY), chain);
    if (text?.includes(`, ${chain}. Read-only.`)) return text;
    if (Date.now() > deadline) throw new Error(`no chain ${chain} after ${WAIT_MS / 1000} s; the view shows:\n${text ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
