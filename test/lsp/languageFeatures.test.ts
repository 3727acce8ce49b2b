import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover, InitializeResult, Location, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/paths';
import { withCursor } from '../unit/language/cursorText';

const WORKSPACE = join(FIXTURES, 'language', 'workspace');
const CURSOR_FIXTURES = join(FIXTURES, 'language', 'cursor');
/** The API policy of the fixture workspace: its scope, fragments, named values and backends are known. */
const POLICY_PATH = join(WORKSPACE, 'apis', 'orders', 'policy.xml');
const POLICY_URI = pathToFileURL(POLICY_PATH).href;
const WHOLE_DOCUMENT = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: Position): number => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  }
  return result;
}

describe('policy language features over stdio', () => {
  let client: LspTestClient;
  let capabilities: InitializeResult['capabilities'];

  /** Puts a cursor fixture into the workspace's API policy buffer and returns where the cursor is. */
  async function load(fixture: string): Promise<{ text: string; position: Position }> {
    const { text, offset } = withCursor(readFileSync(join(CURSOR_FIXTURES, fixture), 'utf8'));
    await client.change(POLICY_URI, WHOLE_DOCUMENT, text);
    return { text, position: positionAt(text, offset) };
  }

  async function complete(fixture: string, triggerCharacter?: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = await load(fixture);
    const context = triggerCharacter === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter };
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: POLICY_URI }, position, context });
    return { text, items };
  }

  function itemNamed(items: readonly CompletionItem[], label: string): CompletionItem {
    const found = items.find((item) => item.label === label);
    assert.ok(found, `no ${label} among ${items.map((item) => item.label).join(', ')}`);
    return found;
  }

  before(async () => {
    client = new LspTestClient();
    capabilities = (await client.initialize(WORKSPACE)).capabilities;
    await client.open(POLICY_URI, readFileSync(POLICY_PATH, 'utf8'));
  });

  after(async () => {
    await client.shutdown();
  });

  test('advertises completion (with trigger characters), hover, definition and formatting', () => {
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['<', ' ', '"', '{', '.', '@']);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.documentFormattingProvider, true);
  });

  test('< in inbound: allowed policies as snippets with required attributes', async () => {
    const { items } = await complete('element.marked.xml', '<');
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('rate-limit-by-key'));
    assert.ok(!labels.includes('forward-request'), 'forward-request belongs in backend');
    assert.ok(!labels.includes('base'), 'the section already has <base />');
    const setHeader = itemNamed(items, 'set-header');
    assert.equal(setHeader.kind, 7);
    assert.equal(setHeader.insertTextFormat, 2);
    assert.deepEqual(setHeader.textEdit, {
      range: { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } },
      newText: 'set-header name="${1}">\n\t$0\n</set-header>',
    });
    assert.equal((setHeader.documentation as MarkupContent).kind, 'markdown');
  });

  test('space in a start tag: missing attributes, required first', async () => {
    const { items } = await complete('attribute.marked.xml', ' ');
    const labels = items.map((item) => item.label);
    assert.ok(!labels.includes('calls'));
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
    assert.deepEqual(sorted.slice(0, 2), ['counter-key', 'renewal-period']);
    assert.deepEqual(itemNamed(items, 'counter-key').textEdit, {
      range: { start: { line: 3, character: 34 }, end: { line: 3, character: 34 } },
      newText: 'counter-key="${1}"',
    });
  });

  test('{{ offers the workspace named values; fragment-id and backend-id offer workspace ids', async () => {
    const named = await complete('named-value.marked.xml', '{');
    assert.deepEqual(named.items.map((item) => item.label).sort(), ['OrdersKey', 'environment']);
    assert.equal(itemNamed(named.items, 'OrdersKey').textEdit?.newText, 'OrdersKey}}');
    assert.equal(itemNamed(named.items, 'OrdersKey').detail, 'secret');
    const fragments = await complete('fragment-id.marked.xml', '"');
    assert.deepEqual(
      fragments.items.map((item) => item.label),
      ['cors-headers'],
    );
    const backends = await complete('backend-id.marked.xml', '"');
    assert.deepEqual(
      backends.items.map((item) => item.label),
      ['orders-backend'],
    );
    assert.equal(backends.items[0].detail, 'https://orders.example.com/api');
  });

  test('. in an expression: members of context.Request', async () => {
    const { items } = await complete('expression.marked.xml', '.');
    assert.deepEqual(
      items.map((item) => item.label),
      ['Body', 'Certificate', 'Headers', 'IpAddress', 'MatchedParameters', 'Method', 'OriginalUrl', 'PrivateEndpointConnection', 'Url'],
    );
    assert.equal(itemNamed(items, 'Headers').detail, 'IReadOnlyDictionary<string, string[]>');
  });

  test('hover on a policy name and on an attribute', async () => {
    const element = await load('hover-element.marked.xml');
    const elementHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: POLICY_URI }, position: element.position });
    assert.deepEqual(elementHover.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 22 } });
    const elementText = (elementHover.contents as MarkupContent).value;
    assert.match(elementText, /^\*\*rate-limit-by-key\*\* \(Rate limiting and quotas\)\n/);
    assert.match(elementText, /Sections: inbound/);
    assert.match(elementText, /\(https:\/\/learn\.microsoft\.com\/azure\/api-management\/rate-limit-by-key-policy\)/);

    const attribute = await load('hover-attribute.marked.xml');
    const attributeHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: POLICY_URI }, position: attribute.position });
    assert.deepEqual(attributeHover.range, { start: { line: 4, character: 29 }, end: { line: 4, character: 42 } });
    assert.match((attributeHover.contents as MarkupContent).value, /Allowed values: `override`, `skip`, `append`, `delete`/);
  });

  test('go to definition: fragment, backend and named value files', async () => {
    const expectations: [string, string][] = [
      ['definition-fragment.marked.xml', join(WORKSPACE, 'policy fragments', 'cors-headers', 'policy.xml')],
      ['definition-backend.marked.xml', join(WORKSPACE, 'backends', 'orders-backend', 'backendInformation.json')],
      ['definition-named-value.marked.xml', join(WORKSPACE, 'named values', 'orders-key', 'namedValueInformation.json')],
    ];
    for (const [fixture, target] of expectations) {
      const { position } = await load(fixture);
      const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: POLICY_URI }, position });
      assert.deepEqual(locations, [{ uri: pathToFileURL(target).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], fixture);
    }
  });

  test('formatting re-indents with the client options and leaves expressions and comments alone', async () => {
    const text = readFileSync(join(FIXTURES, 'language', 'unformatted.xml'), 'utf8');
    await client.change(POLICY_URI, WHOLE_DOCUMENT, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: POLICY_URI },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.equal(applyEdits(text, edits), readFileSync(join(FIXTURES, 'language', 'formatted-tabs.xml'), 'utf8'));
  });

  test('hover where a rule finding sits: the title, the docs link and one line of why, not the whole documentation', async () => {
    const text =
      '<policies>\n  <inbound>\n    <base />\n    <trace source="a">\n      <message>@(context.Request.Headers.GetValueOrDefault("Authorization"))</message>\n    </trace>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n';
    await client.change(POLICY_URI, WHOLE_DOCUMENT, text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: POLICY_URI }, position: { line: 3, character: 6 } });
    const value = (hover.contents as MarkupContent).value;
    assert.equal(
      value,
      [
        '**trace** (Logging)',
        '',
        '[Documentation](https://learn.microsoft.com/azure/api-management/trace-policy)',
        '',
        '**Why it matters**',
        '',
        '- `tracing-enabled`: A trace writes its message and metadata to Application Insights and to resource logs whenever its severity reaches the diagnostic verbosity, on every call (sampling does not apply), and to request traces when a debug token asks for one.',
      ].join('\n'),
    );
  });
});
