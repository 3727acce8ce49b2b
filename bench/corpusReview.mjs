// Times the review of the whole corpus (../shared/corpus) the two ways users run it, and prints one JSON line:
// - through the language server, as the editor's Review Workspace command does: `apimStudio/reviewWorkspace` with the
//   webview page and the three export formats, timed from the request to the end of the progress (the analysis)
//   and to the answer (the reports rendered and sent);
// - through the CLI, `dist/cli.js review <corpus> --format html|text`, wall time around the child.
// Run after `npm run build`: node bench/corpusReview.mjs [--runs=N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 3);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function throughServer() {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let analysisEnd = 0;
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params) => {
    if (params.value?.kind === 'end') analysisEnd = performance.now();
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(CORPUS).href,
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
    workspaceFolders: [{ uri: pathToFileURL(CORPUS).href, name: 'corpus' }],
  });
  await connection.sendNotification('initialized', {});
  const start = performance.now();
  const result = await connection.sendRequest('apimStudio/reviewWorkspace', {
    folders: [CORPUS],
    formats: ['webview', 'markdown', 'html', 'sarif'],
    baseFolder: CORPUS,
    nonce: 'benchnonce',
  });
  const answered = performance.now();
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return {
    analysisMs: analysisEnd - start,
    reportMs: answered - analysisEnd,
    totalMs: answered - start,
    documents: result.documents,
    findings: result.findings,
    webviewKB: Math.round((result.reports?.webview?.length ?? 0) / 1024),
    answerKB: Math.round(JSON.stringify(result).length / 1024),
  };
}

function throughCli(format) {
  const out = mkdtempSync(join(tmpdir(), 'apim-corpus-'));
  try {
    const start = performance.now();
    spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'review', CORPUS, '--format', format, '--output', join(out, `report.${format}`), '--fail-on', 'never'],
      {
        stdio: 'ignore',
      },
    );
    return performance.now() - start;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
  console.log(JSON.stringify({ skipped: `no corpus at ${CORPUS}` }));
  process.exit(0);
}
const server = [];
const cliHtml = [];
const cliText = [];
for (let run = 0; run < RUNS; run++) {
  server.push(await throughServer());
  cliHtml.push(throughCli('html'));
  cliText.push(throughCli('text'));
}
const pick = (key) => Math.round(median(server.map((run) => run[key])));
console.log(
  JSON.stringify({
    runs: RUNS,
    documents: server[0].documents,
    findings: server[0].findings,
    server: {
      analysisMs: pick('analysisMs'),
      reportMs: pick('reportMs'),
      totalMs: pick('totalMs'),
      webviewKB: server[0].webviewKB,
      answerKB: server[0].answerKB,
    },
    cli: { htmlMs: Math.round(median(cliHtml)), textMs: Math.round(median(cliText)) },
    all: { server, cliHtml: cliHtml.map(Math.round), cliText: cliText.map(Math.round) },
  }),
);
