import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { REVIEW_WORKSPACE_REQUEST, type ReviewWorkspaceParams, type ReviewWorkspaceResult } from '../../../server/src/protocol/customRequests';
import { REPO_ROOT } from '../../support/paths';

const EXAMPLE = join(REPO_ROOT, 'examples', 'contoso-apiops');
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function key(finding: JsonFinding): string {
  const { start, end } = finding.range;
  return `${finding.file}:${start.line}:${start.character}-${end.line}:${end.character} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}

describe('editor and CLI agree', () => {
  test('on the bundled example: diagnostics of every open document, and the review request, equal the CLI findings', async () => {
    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'review', EXAMPLE, '--format', 'json', '--fail-on', 'never'], {
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    const cliFindings = (JSON.parse(cli.stdout) as { findings: JsonFinding[] }).findings;
    const files = [...new Set(cliFindings.map((finding) => finding.file))];
    const policyFiles = [
      'policy.xml',
      'policy fragments/correlation-id/policy.xml',
      'apis/orders-api/policy.xml',
      'apis/orders-api/operations/create-order/policy.xml',
      'apis/orders-api/operations/get-order/policy.xml',
      'apis/weather-api/policy.xml',
      'apis/weather-api/operations/get-forecast/policy.xml',
      'products/starter/policy.xml',
      'products/starter/productInformation.json',
    ].map((path) => join(EXAMPLE, path));
    assert.ok(
      files.every((file) => policyFiles.includes(file)),
      'every file with CLI findings is opened in the editor',
    );

    const server = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const diagnostics = new Map<string, PublishDiagnosticsParams>();
    let allPublished: () => void = () => undefined;
    const published = new Promise<void>((resolve) => (allPublished = resolve));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      diagnostics.set(params.uri, params);
      if (policyFiles.every((file) => diagnostics.has(pathToFileURL(file).href))) allPublished();
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', () => undefined);
    connection.listen();
    try {
      const rootUri = pathToFileURL(EXAMPLE).href;
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'example' }],
        capabilities: { window: { workDoneProgress: true } },
      });
      await connection.sendNotification('initialized', {});
      for (const file of policyFiles) {
        await connection.sendNotification('textDocument/didOpen', {
          textDocument: {
            uri: pathToFileURL(file).href,
            languageId: file.endsWith('.json') ? 'json' : 'apim-policy',
            version: 1,
            text: readFileSync(file, 'utf8'),
          },
        });
      }
      await published;
      const editorFindings: JsonFinding[] = [...diagnostics.values()].flatMap((params) =>
        params.diagnostics.map((diagnostic) => ({
          ruleId: String(diagnostic.code),
          severity: SEVERITIES[(diagnostic.severity ?? 1) - 1],
          message: diagnostic.message,
          file: join(EXAMPLE, decodeURIComponent(params.uri.slice(rootUri.length + 1))),
          range: diagnostic.range,
        })),
      );
      assert.ok(cliFindings.length > 0, 'the example has findings to compare');
      assert.deepEqual(editorFindings.map(key).sort(), cliFindings.map(key).sort());

      const params: ReviewWorkspaceParams = { folders: [EXAMPLE], formats: ['json'] };
      const review = (await connection.sendRequest(REVIEW_WORKSPACE_REQUEST, params)) as ReviewWorkspaceResult;
      assert.equal(review.reports?.json, cli.stdout, 'the review request renders the same JSON report as the CLI');
      assert.equal(review.documents, 14);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
