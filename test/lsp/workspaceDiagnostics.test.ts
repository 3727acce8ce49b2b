import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const TRACE =
  '<policies>\n  <inbound>\n    <base />\n    <trace source="a"><message>@(context.Request.Headers.GetValueOrDefault("Authorization"))</message></trace>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n';
const CLEAN = TRACE.replace('    <trace source="a"><message>@(context.Request.Headers.GetValueOrDefault("Authorization"))</message></trace>\n', '');

describe('workspace diagnostics: review findings of files that are not open', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'apim-workspace-diagnostics-'));
    mkdirSync(join(folder, 'apis', 'a'), { recursive: true });
    mkdirSync(join(folder, 'apis', 'b'), { recursive: true });
    writeFileSync(join(folder, 'apis', 'a', 'policy.xml'), TRACE);
    writeFileSync(join(folder, 'apis', 'b', 'policy.xml'), CLEAN);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('onReview (default): published after a review and kept in step as files change and go away', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(folder);
      const a = pathToFileURL(join(folder, 'apis', 'a', 'policy.xml')).href;
      const b = pathToFileURL(join(folder, 'apis', 'b', 'policy.xml')).href;
      const published = client.waitForDiagnostics(a);
      await client.request('apimStudio/reviewWorkspace', { folders: [folder] });
      assert.ok((await published).diagnostics.some((diagnostic) => diagnostic.code === 'tracing-enabled'));

      // b gains a trace on disk: the server hears of it through the watcher and re-reviews.
      const bChanged = client.waitForDiagnostics(b);
      writeFileSync(join(folder, 'apis', 'b', 'policy.xml'), TRACE);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 2 }] });
      for (;;) {
        const params = await Promise.race([bChanged, client.waitForDiagnostics(b)]);
        if (params.diagnostics.some((diagnostic) => diagnostic.code === 'tracing-enabled')) break;
      }

      // a is deleted: its diagnostics are cleared.
      rmSync(join(folder, 'apis', 'a'), { recursive: true });
      const aCleared = client.waitForDiagnostics(a);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: a, type: 3 }] });
      assert.deepEqual((await aCleared).diagnostics, []);
    } finally {
      await client.shutdown();
    }
  });

  test('off: a review publishes nothing for files that are not open', async () => {
    const client = new LspTestClient({ workspaceDiagnostics: 'off' });
    try {
      await client.initialize(folder);
      const b = pathToFileURL(join(folder, 'apis', 'b', 'policy.xml')).href;
      let published = false;
      void client.waitForDiagnostics(b).then(() => (published = true));
      const result = await client.request<{ documents: number }>('apimStudio/reviewWorkspace', { folders: [folder] });
      assert.ok(result.documents >= 1);
      // The review's answer comes after anything it would have published (one connection, in order).
      assert.equal(published, false);
    } finally {
      await client.shutdown();
    }
  });

  test('always: the workspace folders are reviewed at start', async () => {
    const client = new LspTestClient({ workspaceDiagnostics: 'always' });
    try {
      const b = pathToFileURL(join(folder, 'apis', 'b', 'policy.xml')).href;
      const published = client.waitForDiagnostics(b);
      await client.initialize(folder);
      assert.ok((await published).diagnostics.some((diagnostic) => diagnostic.code === 'tracing-enabled'));
    } finally {
      await client.shutdown();
    }
  });
});
