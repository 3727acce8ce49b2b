import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const ARM = [
  '{',
  '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
  '  "resources": [',
  '    {',
  '      "type": "Microsoft.ApiManagement/service/apis/policies", "apiVersion": "2022-08-01", "name": "apim/orders/policy",',
  '      "properties": { "format": "rawxml", "value": "<policies>\\n  <inbound>\\n    <base />\\n    <rate-limit-by-key calls=\\"10\\" renewal-period=\\"60\\" counter-key=\\"@(context.Subscription.Id)\\" />\\n    <\\n  </inbound>\\n</policies>" }',
  '    }',
  '  ]',
  '}',
  '',
].join('\n');

const BICEP = [
  "resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2022-08-01' = {",
  "  name: 'apim/orders/policy'",
  '  properties: {',
  "    format: 'rawxml'",
  "    value: '''",
  '<policies>',
  '  <inbound>',
  '    <base />',
  '    <set-header name="x" exists-action="override" />',
  '  </inbound>',
  '</policies>',
  "'''",
  '  }',
  '}',
  '',
].join('\n');

describe('hover and completion inside policies embedded in ARM and Bicep strings', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  test('ARM: hover on a policy name inside the JSON string lands on its characters', async () => {
    const uri = 'file:///ws/templates/apim.json';
    await client.open(uri, ARM, 'json');
    const position = positionOf(ARM, 'rate-limit-by-key calls', 3);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover.contents as MarkupContent).value, /^\*\*rate-limit-by-key\*\*/);
    const start = positionOf(ARM, 'rate-limit-by-key calls');
    assert.deepEqual(hover.range, { start, end: { line: start.line, character: start.character + 'rate-limit-by-key'.length } });
  });

  test('ARM: completion after < in inbound offers inbound policies, escaped for the JSON string', async () => {
    const uri = 'file:///ws/templates/apim.json';
    const position = positionOf(ARM, '<\\n  </inbound>', 1);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '<' },
    });
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('rate-limit'), labels.join(', '));
    assert.ok(!labels.includes('forward-request'), 'forward-request belongs in backend');
    const setHeader = items.find((item) => item.label === 'set-header');
    assert.ok(setHeader);
    assert.equal(setHeader.insertTextFormat, 1, 'plain text: snippet syntax would clash with the string escaping');
    const edit = setHeader.textEdit as { newText: string; range: { start: Position; end: Position } };
    assert.ok(!edit.newText.includes('"') || edit.newText.includes('\\"'), `quotes are escaped: ${edit.newText}`);
    assert.ok(!edit.newText.includes('\n'), `newlines are escaped: ${edit.newText}`);
    assert.deepEqual(edit.range.start, position);
  });

  test('Bicep: hover on an attribute inside a verbatim string, without the Bicep extension (plain text)', async () => {
    const uri = 'file:///ws/templates/apim.bicep';
    await client.open(uri, BICEP, 'plaintext');
    const position = positionOf(BICEP, 'exists-action', 2);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover.contents as MarkupContent).value, /\*\*exists-action\*\* attribute of `set-header`/);
    const start = positionOf(BICEP, 'exists-action');
    assert.deepEqual(hover.range, { start, end: { line: start.line, character: start.character + 'exists-action'.length } });
  });
});
