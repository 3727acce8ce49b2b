import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ORDERS_POLICY, openWorkspaceFile, revertAndCloseActiveEditor } from './workspaceFiles';

interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: vscode.SymbolKind;
  readonly children: OutlineNode[];
}

function outlineNodes(symbols: readonly vscode.DocumentSymbol[]): OutlineNode[] {
  return symbols.map((symbol) => ({ name: symbol.name, detail: symbol.detail, kind: symbol.kind, children: outlineNodes(symbol.children) }));
}

suite('outline and folding', () => {
  teardown(revertAndCloseActiveEditor);

  test('the outline shows the root, its sections and their policies', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const section = (name: string, children: OutlineNode[]): OutlineNode => ({ name, detail: '', kind: vscode.SymbolKind.Namespace, children });
    const base: OutlineNode = { name: 'base', detail: '', kind: vscode.SymbolKind.Function, children: [] };
    const setHeader: OutlineNode = {
      name: 'set-header',
      detail: 'X-Request-Source',
      kind: vscode.SymbolKind.Function,
      children: [{ name: 'value', detail: '', kind: vscode.SymbolKind.Function, children: [] }],
    };
    assert.deepEqual(outlineNodes(symbols), [
      {
        name: 'policies',
        detail: '',
        kind: vscode.SymbolKind.File,
        children: [section('inbound', [base, setHeader]), section('backend', [base]), section('outbound', [base]), section('on-error', [base])],
      },
    ]);
    const inbound = symbols[0].children[0];
    assert.deepEqual([inbound.range.start.line, inbound.range.end.line], [1, 6]);
    assert.equal(document.getText(inbound.selectionRange), 'inbound');
  });

  test('every element spanning lines folds up to the line of its end tag', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const lines = ranges.map((range) => [range.start, range.end]).sort((a, b) => a[0] - b[0]);
    // policies, inbound, set-header, backend, outbound, on-error.
    assert.deepEqual(lines, [
      [0, 15],
      [1, 5],
      [3, 4],
      [7, 8],
      [10, 11],
      [13, 14],
    ]);
  });
});
