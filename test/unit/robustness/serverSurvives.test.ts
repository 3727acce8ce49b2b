import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../support/lspClient';
import { FIXTURES } from '../../support/paths';
import { seededRandom } from '../../fuzz/seededRandom';

const BROKEN = '<policies>\n  <inbound>\n</policies>\n';
/** LSP's RequestCancelled error code. */
const REQUEST_CANCELLED = -32800;

function binaryText(seed: number, length: number): string {
  const random = seededRandom(seed);
  return String.fromCharCode(...Array.from({ length }, () => Math.floor(random() * 256)));
}

/** Starts a server with NODE_OPTIONS set only for that child. */
function clientWithNodeOptions(options: string): LspTestClient {
  const previous = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = options;
  try {
    return new LspTestClient();
  } finally {
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = previous;
  }
}

describe('the language server survives', () => {
  test('binary garbage as a document, then answers a normal document', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const garbage = await client.open('file:///robustness/garbage/policy.xml', `<policies>${binaryText(3, 32 * 1024)}`);
      assert.ok(garbage.some((diagnostic) => diagnostic.code === 'xml-invalid-character'));
      const diagnostics = await client.open('file:///robustness/normal/policy.xml', BROKEN);
      const syntax = diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('xml-'));
      assert.deepEqual(
        syntax.map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [['xml-unclosed-element', { start: { line: 1, character: 3 }, end: { line: 1, character: 10 } }]],
      );
    } finally {
      await client.shutdown();
    }
  });

  test('an unhandled rejection is logged, not fatal', async () => {
    const preload = join(FIXTURES, 'robustness', 'rejectOnFirstMessage.cjs');
    const client = clientWithNodeOptions(`--require ${JSON.stringify(preload)}`);
    const logged = new Promise<string>((resolve) => {
      client.connection.onNotification('window/logMessage', (params: { message: string }) => {
        if (params.message.includes('robustness probe')) resolve(params.message);
      });
    });
    try {
      await client.initialize();
      assert.match(await logged, /unhandled rejection.*robustness probe/);
      const diagnostics = await client.open('file:///robustness/after-rejection/policy.xml', BROKEN);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'xml-unclosed-element'));
    } finally {
      await client.shutdown();
    }
  });

  test('a cancelled request does not stop the next one', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const bigUri = 'file:///robustness/cancel/big/policy.xml';
      const big = `<policies>\n<inbound>\n${'<set-header name="a" exists-action="override"><value>{{v}}</value></set-header>\n'.repeat(5_000)}</inbound>\n</policies>\n`;
      await client.open(bigUri, big);
      const smallUri = 'file:///robustness/cancel/small/policy.xml';
      await client.open(smallUri, '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>\n');

      const source = new CancellationTokenSource();
      const cancelled = client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bigUri } }, source.token);
      source.cancel();
      const next = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
      // The cancelled request either completes or fails with RequestCancelled; it must not fail otherwise.
      const outcome = await cancelled.then(
        (symbols) => `answered with ${symbols.length} symbols`,
        (error: unknown) => (error instanceof ResponseError && error.code === REQUEST_CANCELLED ? 'cancelled' : `failed: ${String(error)}`),
      );
      assert.match(outcome, /^(answered|cancelled)/);
      const symbols = await next;
      assert.equal(symbols[0]?.name, 'policies');
    } finally {
      await client.shutdown();
    }
  });
});
