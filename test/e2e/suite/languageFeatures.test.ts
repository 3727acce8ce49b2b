import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { positionAfter, replaceOnly } from './documentEdits';
import { revertAndCloseAllEditors } from './editorTabs';
import { ORDERS_POLICY, openWorkspaceFile } from './workspaceFiles';

const SET_HEADER_END = '    </set-header>\n';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

suite('completion and hover', () => {
  teardown(revertAndCloseAllEditors);

  test('typing < in <inbound> offers inbound policies and not backend-only ones', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}    <\n`);
    const position = positionAfter(document, `${SET_HEADER_END}    <`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '<');
    const elements = list.items.map(labelOf);
    for (const offered of ['set-header', 'rate-limit-by-key']) assert.ok(elements.includes(offered), `${offered} is not among ${elements.join(', ')}`);
    // forward-request belongs in <backend>, sections do not nest, and this <inbound> already has its <base />.
    for (const absent of ['forward-request', 'inbound', 'base']) assert.ok(!elements.includes(absent), `${absent} is offered in <inbound>`);
    const setHeader = list.items.find((item) => labelOf(item) === 'set-header');
    assert.equal(setHeader?.kind, vscode.CompletionItemKind.Class);
    assert.ok(setHeader?.insertText instanceof vscode.SnippetString, 'set-header is not inserted as a snippet');
    assert.equal(setHeader.insertText.value, 'set-header name="${1}">\n\t$0\n</set-header>');
  });

  test('inside @(context.Request. the request members are offered', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}    <set-variable name="caller" value="@(context.Request.)" />\n`);
    const position = positionAfter(document, '@(context.Request.');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '.');
    const members = list.items.map(labelOf);
    for (const member of ['Body', 'Headers', 'IpAddress', 'Method', 'Url']) assert.ok(members.includes(member), `${member} is not among ${members.join(', ')}`);
    // Members of the request only, not of the context one level up.
    assert.ok(!members.includes('Variables'), `context members leaked into Request: ${members.join(', ')}`);
  });

  test('hovering rate-limit-by-key shows its summary and documentation link', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    const line = '    <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />\n';
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}${line}`);
    const position = positionAfter(document, '<rate-limit-by');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const ours = hovers.filter((hover) => markdownOf(hover).includes('**rate-limit-by-key**'));
    assert.equal(ours.length, 1, `hovers: ${JSON.stringify(hovers.map(markdownOf))}`);
    const [hover] = ours;
    assert.ok(hover.range, 'the hover has no range');
    assert.equal(document.getText(hover.range), 'rate-limit-by-key');
    assert.match(markdownOf(hover), /\(https:\/\/learn\.microsoft\.com\/azure\/api-management\/rate-limit-by-key-policy\)/);
  });

  test('hover on a typed chain: the call sub-expression is a string, Length an int member of string', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    const chain = 'context.Request.Headers.GetValueOrDefault("x", "")';
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}    <set-body>@(${chain}.Length)</set-body>\n`);
    const callEnd = positionAfter(document, `${chain.slice(0, -1)}`);
    const onCall = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, callEnd);
    const call = onCall.find((hover) => hover.range && document.getText(hover.range) === chain);
    assert.ok(call, `hovers: ${JSON.stringify(onCall.map((hover) => [hover.range && document.getText(hover.range), markdownOf(hover)]))}`);
    assert.equal(markdownOf(call), '```csharp\nstring\n```');
    const onLength = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionAfter(document, `${chain}.Len`));
    assert.ok(
      onLength.some((hover) => markdownOf(hover).includes('int string.Length')),
      `hovers: ${JSON.stringify(onLength.map(markdownOf))}`,
    );
  });

  test('. after GetValueOrDefault("x", "") offers string members', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}    <set-body>@(context.Request.Headers.GetValueOrDefault("x", "").)</set-body>\n`);
    const position = positionAfter(document, 'GetValueOrDefault("x", "").');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '.');
    const members = list.items.map(labelOf);
    for (const member of ['Substring', 'Length', 'StartsWith', 'ToLower']) assert.ok(members.includes(member), `${member} is not among ${members.join(', ')}`);
    assert.ok(!members.includes('Headers'), `request members leaked into string: ${members.join(', ')}`);
  });

  test('semantic tokens colour the expression: context, a property and a method', async () => {
    const document = await openWorkspaceFile(ORDERS_POLICY);
    await replaceOnly(document, SET_HEADER_END, `${SET_HEADER_END}    <set-body>@(context.Request.Url.ToString())</set-body>\n`);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens, 'no semantic tokens provider answered');
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let index = 0; index < tokens.data.length; index += 5) {
      line += tokens.data[index];
      character = tokens.data[index] === 0 ? character + tokens.data[index + 1] : tokens.data[index + 1];
      const text = document.getText(new vscode.Range(line, character, line, character + tokens.data[index + 2]));
      decoded.push(`${text}:${legend.tokenTypes[tokens.data[index + 3]]}`);
    }
    for (const expected of ['context:variable', 'Request:property', 'Url:property', 'ToString:method']) {
      assert.ok(decoded.includes(expected), `${expected} is not among ${decoded.join(', ')}`);
    }
  });
});
