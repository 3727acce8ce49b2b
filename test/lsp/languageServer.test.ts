import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { REPO_ROOT } from '../support/paths';

const BROKEN = '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n</policies>\n';

/** Syntax diagnostics only: loose test documents also get Well-Architected findings (no rate limit...). */
function syntaxOnly(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => /^(xml|expression)-/.test(String(diagnostic.code)));
}

describe('language server over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    const result = await client.initialize();
    assert.equal(result.serverInfo?.name, 'apim-studio');
  });

  after(async () => {
    await client.shutdown();
  });

  test('publishes a syntax diagnostic with source, code, docs link and exact range', async () => {
    const diagnostics = syntaxOnly(await client.open('file:///ws/apis/a/policy.xml', BROKEN));
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.source, 'apim-studio');
    assert.equal(diagnostic.code, 'xml-unclosed-element');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 3 }, end: { line: 4, character: 10 } });
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/syntax\.md#xml-unclosed-element$/);
  });

  test('offers the preferred quick fix that inserts the end tag', async () => {
    const uri = 'file:///ws/apis/fix/policy.xml';
    const diagnostics = syntaxOnly(await client.open(uri, BROKEN));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Insert </backend>');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit?.changes?.[uri], [
      { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '  </backend>\n' },
    ]);
  });

  test('rule findings offer a suppression with reason and a docs link; fix-all applies the safe fixes', async () => {
    const uri = 'file:///ws/apis/rules/policy.xml';
    const text =
      '<policies>\n  <inbound>\n    <base />\n    <trace source="a">\n      <message>@(context.Subscription.Key)</message>\n    </trace>\n  </inbound>\n  <backend>\n    <base />\n</policies>\n';
    const diagnostics = await client.open(uri, text);
    const trace = diagnostics.find((diagnostic) => diagnostic.code === 'tracing-enabled');
    assert.ok(trace);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: trace.range,
      context: { diagnostics: [trace] },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Remove the trace policy', 'Suppress tracing-enabled on this line (with a reason)', 'Learn more about tracing-enabled'],
    );
    assert.deepEqual(actions[1].edit?.changes?.[uri], [
      {
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        newText: '    <!-- apim-studio-disable-next-line tracing-enabled: reason -->\n',
      },
    ]);
    assert.deepEqual(actions[2].command?.arguments, ['https://github.com/apim-studio/apim-studio/blob/main/docs/rules/tracing-enabled.md']);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.apim-studio'] },
    });
    assert.equal(fixAll.length, 1);
    assert.deepEqual(
      fixAll[0].edit?.changes?.[uri]?.map((edit) => edit.newText),
      ['  </backend>\n'],
    );
  });

  test('ARM and Bicep findings offer a // suppression directive', async () => {
    const uri = 'file:///ws/infra/azuredeploy.json';
    const text = [
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
      '  "resources": [',
      '    {',
      '      "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "apim",',
      '      "properties": { "customProperties": {',
      '        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "True"',
      '      } }',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const diagnostics = await client.open(uri, text, 'json');
    const tls = diagnostics.find((diagnostic) => diagnostic.code === 'legacy-tls-enabled' && diagnostic.range.start.line === 6);
    assert.ok(tls, JSON.stringify(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: tls.range, context: { diagnostics: [tls] } });
    const suppress = actions.find((action) => action.title.startsWith('Suppress legacy-tls-enabled'));
    assert.deepEqual(suppress?.edit?.changes?.[uri], [
      {
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } },
        newText: '        // apim-studio-disable-next-line legacy-tls-enabled: reason\n',
      },
    ]);
  });

  test('a suppression comment silences the finding on the next line', async () => {
    const uri = 'file:///ws/apis/suppressed/policy.xml';
    const text =
      '<policies>\n  <inbound>\n    <!-- apim-studio-disable-next-line tracing-enabled: needed in the test tenant -->\n    <trace source="a"><message>@(context.Subscription.Key)</message></trace>\n  </inbound>\n</policies>\n';
    const codes = (await client.open(uri, text)).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('tracing-enabled'), codes.join());
    assert.ok(codes.includes('rate-limit-missing'), 'other rules still report');
  });

  test('incremental edits republish diagnostics for the new version', async () => {
    const uri = 'file:///ws/apis/edit/policy.xml';
    assert.equal(syntaxOnly(await client.open(uri, BROKEN)).length, 1);
    const fixed = syntaxOnly(await client.change(uri, { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, '  </backend>\n'));
    assert.deepEqual(fixed, []);
    const broken = syntaxOnly(await client.change(uri, { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, '<set-body>@(1'));
    assert.deepEqual(
      broken.map((diagnostic) => diagnostic.code),
      ['xml-unclosed-element', 'expression-unterminated'],
    );
  });

  test('an xml document counts only when its root is <policies> or <fragment>', async () => {
    assert.deepEqual(await client.open('file:///ws/other.xml', '<project><unclosed></project>', 'xml'), []);
    const fragment = syntaxOnly(await client.open('file:///ws/frag.xml', '<fragment>\n  <set-header name="a">\n</fragment>', 'xml'));
    assert.deepEqual(
      fragment.map((diagnostic) => diagnostic.code),
      ['xml-unclosed-element'],
    );
  });

  test('document symbols outline the sections and policies', async () => {
    const uri = 'file:///ws/apis/symbols/policy.xml';
    const text =
      '<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n</policies>\n';
    await client.open(uri, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'policies');
    assert.deepEqual(
      symbols[0].children?.map((section) => [section.name, section.children?.map((policy) => policy.name)]),
      [
        ['inbound', ['base', 'rate-limit-by-key']],
        ['backend', ['forward-request']],
      ],
    );
    const rateLimit = symbols[0].children?.[0].children?.[1];
    assert.equal(rateLimit?.detail, '@(context.Request.IpAddress)');
    assert.deepEqual(rateLimit?.selectionRange, { start: { line: 3, character: 5 }, end: { line: 3, character: 22 } });
  });

  test('folding ranges cover multi-line elements and leave the end tag visible', async () => {
    const uri = 'file:///ws/apis/folding/policy.xml';
    await client.open(uri, '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <!--\n  note\n  -->\n</policies>\n');
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      ranges.map((range) => [range.startLine, range.endLine, range.kind]),
      [
        [0, 6, undefined],
        [1, 2, undefined],
        [4, 6, 'comment'],
      ],
    );
  });

  test('the effective policy of an operation shows every scope it inherits from, in order', async () => {
    const example = join(REPO_ROOT, 'examples', 'contoso-apiops');
    const uri = `file://${join(example, 'apis', 'orders-api', 'operations', 'create-order', 'policy.xml')}`;
    const { text } = await client.request<{ text: string }>('apimStudio/effectivePolicy', { uri });
    assert.match(text, /via product starter/);
    const order = ['correlation-id', '<rate-limit ', '<validate-jwt', '<validate-content', '<forward-request'].map((needle) => text.indexOf(needle));
    assert.ok(
      order.every((index) => index >= 0),
      `missing statements in:\n${text}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'statements appear in run order',
    );
  });

  test('in an APIOps tree, moving a secret to a named value creates its artifact file through document changes', async () => {
    const path = join(REPO_ROOT, 'examples', 'contoso-apiops', 'apis', 'orders-api', 'operations', 'get-order', 'policy.xml');
    const uri = `file://${path}`;
    const text = '<policies>\n  <inbound>\n    <base />\n    <authentication-basic username="svc" password="S3cr3t-P4ssw0rd!" />\n  </inbound>\n</policies>\n';
    const diagnostics = await client.open(uri, text);
    const secret = diagnostics.find((diagnostic) => diagnostic.code === 'secret-in-policy');
    assert.ok(secret, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: secret.range,
      context: { diagnostics: [secret] },
    });
    const create = actions.find((action) => action.edit?.documentChanges !== undefined);
    assert.ok(create, actions.map((action) => action.title).join(' | '));
    const [creation, content, edit] = create.edit?.documentChanges ?? [];
    assert.equal((creation as { kind?: string }).kind, 'create');
    assert.match((creation as { uri: string }).uri, /examples\/contoso-apiops\/named%20values\/[\w.-]+\/namedValueInformation\.json$/);
    assert.match(JSON.stringify(content), /keyVault/);
    assert.match(JSON.stringify(edit), /\{\{[\w.-]+\}\}/);
  });

  test('the review request walks a folder and counts documents and findings', async () => {
    const result = await client.request<{ documents: number; findings: number }>('apimStudio/reviewWorkspace', {
      folders: [join(REPO_ROOT, 'examples', 'contoso-apiops')],
    });
    assert.equal(result.documents, 14, '8 policies and 6 APIOps artifact files');
  });
});

describe('language server settings', () => {
  test('documents above apimStudio.maxFileSizeKB get one error diagnostic instead of analysis', async () => {
    const client = new LspTestClient({ maxFileSizeKB: 1 });
    try {
      await client.initialize();
      const big = `<policies>${' '.repeat(2048)}<inbound></policies>`;
      const diagnostics = await client.open('file:///ws/big/policy.xml', big);
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [['document-too-large', 1]],
      );
    } finally {
      await client.shutdown();
    }
  });

  test('every request on a document above the limit answers with nothing: outline, folding, formatting, actions, hover, completion, effective policy', async () => {
    const client = new LspTestClient({ maxFileSizeKB: 1 });
    try {
      await client.initialize();
      const uri = 'file:///ws/big/apis/a/policy.xml';
      const big = `<policies>\n  <inbound>\n    <trace source="a" />\n${'    <!-- padding -->\n'.repeat(100)}  </inbound>\n</policies>\n`;
      const [notice] = await client.open(uri, big);
      const textDocument = { uri };
      const position = { line: 2, character: 6 };
      const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
      const answers = await Promise.all([
        client.request('textDocument/documentSymbol', { textDocument }),
        client.request('textDocument/foldingRange', { textDocument }),
        client.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [notice] } }),
        client.request('textDocument/completion', { textDocument, position }),
        client.request('textDocument/definition', { textDocument, position }),
      ]);
      assert.deepEqual(answers, [[], [], [], [], [], []]);
      assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
      const effective = await client.request<{ text: string }>('apimStudio/effectivePolicy', { uri });
      assert.match(
        effective.text,
        /^<!-- Not analysed: the document has \d+ characters, more than the limit of 1024 \(setting apimStudio\.maxFileSizeKB\)\. -->/,
      );
    } finally {
      await client.shutdown();
    }
  });
});
