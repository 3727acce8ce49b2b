import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

/** `node dist/server.js --stdio` driven with raw bytes, so malformed frames and params can be sent. */
class RawServer {
  private readonly process: ChildProcessWithoutNullStreams;
  private output = '';
  exitCode: number | null | undefined;

  constructor() {
    this.process = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr.resume();
    this.process.on('exit', (code) => (this.exitCode = code));
  }

  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...(message as object) }));
    this.raw(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  raw(bytes: string): void {
    this.process.stdin.write(bytes);
  }

  /** Resolves once the server's output contains `text`; rejects if the process exits first. */
  async waitFor(text: string): Promise<void> {
    while (!this.output.includes(text)) {
      if (this.exitCode !== undefined) throw new Error(`the server exited with ${this.exitCode} before sending ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async initialize(): Promise<void> {
    this.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await this.waitFor('"id":1,"result"');
    this.send({ method: 'initialized', params: {} });
  }

  /** Opens a broken policy and waits for its diagnostics: the proof the server still works. */
  async stillAnswers(name: string): Promise<void> {
    const uri = `file:///robustness/raw/${name}/policy.xml`;
    this.send({
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'apim-policy', version: 1, text: '<policies>\n  <inbound>\n</policies>\n' } },
    });
    await this.waitFor(`"uri":"${uri}"`);
    this.send({ id: 99, method: 'shutdown' });
    await this.waitFor('"id":99,"result":null');
    assert.equal(this.exitCode, undefined);
  }

  stop(): void {
    this.process.kill();
  }
}

describe('the language server survives malformed client input', () => {
  for (const [name, text] of [
    ['text null', null],
    ['text a number', 42],
  ] as const) {
    test(`didOpen with ${name}`, async () => {
      const server = new RawServer();
      try {
        await server.initialize();
        server.send({
          method: 'textDocument/didOpen',
          params: { textDocument: { uri: 'file:///robustness/raw/bad/policy.xml', languageId: 'apim-policy', version: 1, text } },
        });
        await server.stillAnswers(name.replace(' ', '-'));
      } finally {
        server.stop();
      }
    });
  }

  test('didChange with a change that is not text', async () => {
    const server = new RawServer();
    try {
      await server.initialize();
      const uri = 'file:///robustness/raw/change/policy.xml';
      server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'apim-policy', version: 1, text: '<policies />' } } });
      server.send({
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: null }, text: 7 }] },
      });
      await server.stillAnswers('after-change');
    } finally {
      server.stop();
    }
  });

  test('a Content-Length that is not a number is skipped; the next message is read', async () => {
    const server = new RawServer();
    try {
      await server.initialize();
      server.raw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}');
      await server.stillAnswers('after-bad-header');
    } finally {
      server.stop();
    }
  });
});
