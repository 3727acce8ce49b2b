import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InitializeResult, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

/** Decodes LSP relative token integers into absolute `line:character:length type[+modifiers]` strings. */
function decode(tokens: SemanticTokens, legend: SemanticTokensLegend): string[] {
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index < tokens.data.length; index += 5) {
    const [deltaLine, deltaCharacter, length, type, modifierBits] = tokens.data.slice(index, index + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
    const modifiers = legend.tokenModifiers.filter((_modifier, bit) => (modifierBits & (1 << bit)) !== 0);
    decoded.push(`${line}:${character}:${length} ${legend.tokenTypes[type]}${modifiers.map((modifier) => `+${modifier}`).join('')}`);
  }
  return decoded;
}

const POLICY = [
  '<policies>',
  '  <inbound>',
  '    <set-variable name="id" value="@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;, &quot;&quot;).Length)" />',
  '    <set-body>@{',
  '      var text = @"two',
  'lines";',
  "      return text.Split(',').Count(part => part.Length > 2).ToString();",
  '    }</set-body>',
  '  </inbound>',
  '</policies>',
].join('\n');

describe('semantic tokens over stdio', () => {
  let client: LspTestClient;
  let capabilities: InitializeResult['capabilities'];
  const uri = 'file:///ws/tokens/apis/a/policy.xml';

  before(async () => {
    client = new LspTestClient();
    capabilities = (await client.initialize()).capabilities;
    await client.open(uri, POLICY);
  });

  after(async () => {
    await client.shutdown();
  });

  test('advertises full and range semantic tokens with the standard legend', () => {
    const provider = capabilities.semanticTokensProvider;
    assert.equal(provider?.full, true);
    assert.equal(provider?.range, true);
    assert.deepEqual(provider?.legend.tokenTypes, ['namespace', 'type', 'parameter', 'variable', 'property', 'method', 'keyword', 'string', 'number']);
    assert.deepEqual(provider?.legend.tokenModifiers, ['declaration', 'readonly', 'defaultLibrary']);
  });

  test('full document: expression tokens with their positions, a verbatim string split per line', async () => {
    const legend = capabilities.semanticTokensProvider?.legend as SemanticTokensLegend;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(tokens, legend), [
      '2:37:7 variable+readonly+defaultLibrary',
      '2:45:7 property',
      '2:53:7 property',
      '2:61:17 method',
      '2:79:13 string',
      '2:94:12 string',
      '2:108:6 property',
      '4:6:3 keyword',
      '4:10:4 variable+declaration',
      '4:17:5 string',
      '5:0:6 string',
      '6:6:6 keyword',
      '6:13:4 variable',
      '6:18:5 method',
      '6:24:3 string',
      '6:29:5 method',
      '6:35:4 parameter+declaration',
      '6:43:4 parameter',
      '6:57:1 number',
      '6:60:8 method',
    ]);
  });

  test('range: only the tokens of the lines asked for', async () => {
    const legend = capabilities.semanticTokensProvider?.legend as SemanticTokensLegend;
    const range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range });
    assert.deepEqual(decode(tokens, legend), ['4:6:3 keyword', '4:10:4 variable+declaration', '4:17:5 string', '5:0:6 string']);
  });

  test('an ARM template: the tokens of its embedded policy, on the template, through JSON escapes', async () => {
    const legend = capabilities.semanticTokensProvider?.legend as SemanticTokensLegend;
    const arm = [
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
      '  "resources": [',
      '    {',
      '      "type": "Microsoft.ApiManagement/service/apis/policies", "apiVersion": "2022-08-01", "name": "apim/orders/policy",',
      '      "properties": { "format": "rawxml", "value": "<policies><inbound><set-body>@(context.Api.Name + \\"x\\")</set-body></inbound></policies>" }',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const armUri = 'file:///ws/tokens/azuredeploy.json';
    await client.open(armUri, arm, 'json');
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: armUri } });
    const line = arm.split('\n')[5];
    const decoded = decode(tokens, legend).map((token) => {
      const [, character, length] = token.split(' ')[0].split(':').map(Number);
      return `${line.slice(character, character + length)} ${token.split(' ')[1]}`;
    });
    assert.deepEqual(decoded, ['context variable+readonly+defaultLibrary', 'Api property', 'Name property', '\\"x\\" string']);
  });

  test('no answer for Bicep (its extension colours it) nor above the size limit', async () => {
    const bicep = 'file:///ws/tokens/main.bicep';
    await client.open(bicep, "param p string = '@(context.Api.Id)'\n", 'bicep');
    assert.equal(await client.request('textDocument/semanticTokens/full', { textDocument: { uri: bicep } }), null);
    const limited = new LspTestClient({ maxFileSizeKB: 1 });
    try {
      await limited.initialize();
      const big = `<policies><inbound><set-variable name="a" value="@(context.Api.Id)" />${' '.repeat(2048)}</inbound></policies>`;
      await limited.open(uri, big);
      assert.equal(await limited.request('textDocument/semanticTokens/full', { textDocument: { uri } }), null);
    } finally {
      await limited.shutdown();
    }
  });
});
