import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

const HEREDOC = [
  'resource "azurerm_api_management_api_policy" "orders" {',
  '  api_name            = "orders"',
  '  api_management_name = "apim"',
  '  resource_group_name = "rg"',
  '  xml_content = <<-XML',
  '    <policies>',
  '      <inbound>',
  '        <base />',
  '        <set-backend-service base-url="http://orders.internal" />',
  '      </inbound>',
  '    </policies>',
  '  XML',
  '}',
  '',
].join('\n');

const BICEP = [
  "resource policy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {",
  "  name: 'apim/orders/policy'",
  '  properties: {',
  "    format: 'rawxml'",
  "    value: '''",
  '<policies>',
  '  <inbound>',
  '    <base />',
  '    <set-backend-service base-url="http://orders.internal" />',
  '  </inbound>',
  '</policies>',
  "'''",
  '  }',
  '}',
  '',
].join('\n');

async function suppression(client: LspTestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction | undefined> {
  const insecure = diagnostics.find((diagnostic) => diagnostic.code === 'insecure-url');
  assert.ok(insecure, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: insecure.range,
    context: { diagnostics: [insecure] },
  });
  return actions.find((action) => action.title.startsWith('Suppress insecure-url'));
}

describe('suppressing a finding of a policy written line for line inside a template', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
  });

  test('inside a Terraform heredoc the directive is an XML comment (a # line would be part of the XML), and it works', async () => {
    const uri = 'file:///ws/infra/orders.tf';
    const action = await suppression(client, uri, await client.open(uri, HEREDOC, 'terraform'));
    const edit = {
      range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
      newText: '        <!-- apim-studio-disable-next-line insecure-url: reason -->\n',
    };
    assert.deepEqual(action?.edit?.changes?.[uri], [edit]);
    const after = await client.change(uri, edit.range, edit.newText);
    assert.deepEqual(
      after.filter(
        (diagnostic) => diagnostic.code === 'insecure-url' || diagnostic.code === 'unused-suppression' || String(diagnostic.code).startsWith('xml-'),
      ),
      [],
    );
  });

  test("inside a Bicep ''' string the directive is an XML comment too", async () => {
    const uri = 'file:///ws/infra/orders.bicep';
    const action = await suppression(client, uri, await client.open(uri, BICEP, 'bicep'));
    assert.deepEqual(action?.edit?.changes?.[uri], [
      {
        range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
        newText: '    <!-- apim-studio-disable-next-line insecure-url: reason -->\n',
      },
    ]);
  });
});
