// `npm run bench` (after `node scripts/build.mjs`): measures the four figure groups of issue 8 side by
// side, prints a table with targets and ratios, and writes bench/results.json. Never fails on a target.
//
//   node bench/run.mjs [--quick] [--runs N]
//
// --quick: small sizes and one run, for CI (seconds); numbers are printed, nothing is asserted.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { XMLParser } from 'fast-xml-parser';
import { generateBicepDeployment, generateExpressionPolicy, generatePolicy, generateWorkspace } from './generateWorkspace.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
// Only the hostile-input figures (issue 19): minutes instead of the whole benchmark.
const hostileOnly = argv.includes('--hostile');
const runsIndex = argv.indexOf('--runs');
const RUNS = runsIndex === -1 ? (quick ? 1 : 5) : Math.max(1, Number(argv[runsIndex + 1]));
const SIZES = quick
  ? {
      corpusBytes: 1e6,
      edits: 40,
      policyLines: [150, 1000],
      expressionLines: 300,
      workspaceApis: [20, 40],
      keystrokeApis: 40,
      reviewRuns: 1,
      bicepApis: 40,
      hostile: [
        ['unknown-attributes', 2_000],
        ['repeated-base', 60_000],
        ['bicep-unclosed-holes', 100_000],
        ['bicep-resources', 1_000],
      ],
    }
  : {
      corpusBytes: 20 * 1024 * 1024,
      edits: 200,
      policyLines: [150, 5000],
      expressionLines: 1000,
      workspaceApis: [500, 1000, 2000],
      keystrokeApis: 1000,
      reviewRuns: 3,
      bicepApis: 1000,
      hostile: [
        ['unknown-attributes', 20_000],
        ['repeated-base', 600_000],
        ['bicep-unclosed-holes', 1_000_000],
        ['bicep-resources', 4_000],
        ['bicep-resources', 16_000],
        ['bicep-resources', 32_000],
      ],
    };
const WORKSPACES = join(root, 'bench', 'workspaces');
// The server and CLI run from a private copy, so a rebuild of dist/ during a long run cannot break it.
const DIST = mkdtempSync(join(tmpdir(), 'apim-bench-dist-'));
const CORPUS = join(root, '..', 'shared', 'corpus');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const mb = (bytes) => bytes / (1024 * 1024);
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

// ---- the engine, bundled from source so the benchmark calls the same functions the server does ----

const ENGINE_FILE = join(root, 'out', 'bench', 'engine.cjs');

async function loadEngine() {
  const outfile = ENGINE_FILE;
  await esbuild.build({
    stdin: {
      contents: [
        "export { parsePolicy } from './server/src/engine/policy/policyParser';",
        "export { analyseDocument } from './server/src/engine/analysis/analyseDocument';",
        "export { createAnalysisContext } from './server/src/engine/analysis/defaultAnalysisContext';",
        "export { DEFAULT_ANALYSIS_SETTINGS } from './server/src/engine/analysis/analysisSettings';",
        "export { reviewPaths } from './server/src/engine/review/reviewFiles';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}

// ---- 1. parser throughput ----

function corpusDocuments() {
  const manifest = join(CORPUS, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return undefined;
  return readFileSync(manifest, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((row) => row.split('\t'))
    .filter((columns) => columns[5] === 'policy-xml')
    .map((columns) => ({ name: columns[0], text: readFileSync(join(CORPUS, columns[0]), 'utf8') }));
}

function workspaceDocuments(folder) {
  const found = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith('.xml')) found.push({ name: relative(folder, path), text: readFileSync(path, 'utf8') });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Repeats the documents until their total size reaches `bytes`. */
function replicate(documents, bytes) {
  const set = [];
  let total = 0;
  while (total < bytes) {
    for (const document of documents) {
      set.push(document);
      total += Buffer.byteLength(document.text);
      if (total >= bytes) break;
    }
  }
  return { set, bytes: total };
}

function timeRuns(work) {
  work(); // warm-up
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

function measureThroughput(engine, fallbackFolder) {
  const corpus = corpusDocuments();
  const source = corpus ? 'shared corpus (policy-xml files of MANIFEST.tsv)' : `generated workspace policies (corpus absent): ${fallbackFolder}`;
  const documents = corpus ?? workspaceDocuments(fallbackFolder);
  const fxp = new XMLParser({ preserveOrder: true, ignoreAttributes: false });
  const accepted = documents.filter((document) => {
    try {
      fxp.parse(document.text);
      return true;
    } catch {
      return false;
    }
  });
  const all = replicate(documents, SIZES.corpusBytes);
  const same = replicate(accepted, SIZES.corpusBytes);
  const context = engine.createAnalysisContext({ ...engine.DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize: Number.MAX_SAFE_INTEGER });
  log(`throughput: ${documents.length} documents (${accepted.length} accepted by fast-xml-parser), replicated to ${mb(all.bytes).toFixed(1)} MB`);
  const ours = timeRuns(() => {
    for (const document of same.set) engine.parsePolicy(document.text);
  });
  const oursAll = timeRuns(() => {
    for (const document of all.set) engine.parsePolicy(document.text);
  });
  const reference = timeRuns(() => {
    for (const document of same.set) fxp.parse(document.text);
  });
  const analysis = timeRuns(() => {
    for (const document of same.set) engine.analyseDocument({ path: `/bench/${document.name}`, text: document.text }, context);
  });
  const rate = (ms, bytes) => mb(bytes) / (ms / 1000);
  return {
    source,
    documents: documents.length,
    acceptedByFastXmlParser: accepted.length,
    megabytes: mb(same.bytes),
    parserMBps: rate(ours, same.bytes),
    parserAllDocumentsMBps: rate(oursAll, all.bytes),
    fastXmlParserMBps: rate(reference, same.bytes),
    fullAnalysisMBps: rate(analysis, same.bytes),
    parserVsFastXmlParser: reference / ours,
    analysisVsFastXmlParser: reference / analysis,
  };
}

// ---- an LSP client over stdio ----

class BenchClient {
  constructor() {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stderr.resume();
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.waiters = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const key = `${params.uri}#${params.version}`;
      const waiter = this.waiters.get(key);
      if (waiter) {
        this.waiters.delete(key);
        waiter(params);
      }
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(folder) {
    const uri = folder ? pathToFileURL(folder).href : null;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: uri ? [{ uri, name: 'bench' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
  }

  diagnosticsFor(uri, version) {
    return new Promise((resolve) => this.waiters.set(`${uri}#${version}`, resolve));
  }

  async open(uri, text) {
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'apim-policy', version: 1, text } });
    return published;
  }

  /** Milliseconds for one full semantic tokens request (what the editor asks after each change). */
  async semanticTokens(uri) {
    const started = performance.now();
    await this.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    return performance.now() - started;
  }

  async change(uri, version, range, text) {
    const published = this.diagnosticsFor(uri, version);
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    await published;
    return performance.now() - started;
  }

  /** Resident and peak resident memory of the server process, from /proc (Linux only). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
      return { rss: field('VmRSS'), peak: field('VmHWM') };
    } catch {
      return { rss: NaN, peak: NaN };
    }
  }

  async close() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

// ---- 2. keystroke latency (and 4. server start and memory) ----

/** Alternately inserts and deletes one space at the start of the middle line: every edit is one character. */
async function typeInto(client, uri, text, edits) {
  const line = Math.floor(text.split('\n').length / 2);
  const latencies = [];
  let version = 1;
  for (let index = 0; index < edits + 10; index++) {
    version++;
    const insert = index % 2 === 0;
    const range = { start: { line, character: 0 }, end: { line, character: insert ? 0 : 1 } };
    const ms = await client.change(uri, version, range, insert ? ' ' : '');
    if (index >= 10) latencies.push(ms); // the first ten warm the JIT
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), edits: latencies.length };
}

async function measureKeystrokes(workspace) {
  const results = [];
  for (const [index, lines] of SIZES.policyLines.entries()) {
    const text = generatePolicy(lines, 8 + index);
    const client = new BenchClient();
    await client.initialize(undefined);
    const uri = `file:///bench/standalone-${lines}/policy.xml`;
    await client.open(uri, text);
    const latency = await typeInto(client, uri, text, SIZES.edits);
    await client.close();
    results.push({ document: `${text.split('\n').length}-line policy`, target: lines <= 150 ? 15 : 60, ...latency });
    log(`keystrokes on ${lines} lines: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  }
  // Expression analysis on: every keystroke re-reads each expression as C# and checks it against the typed model.
  const expressionText = generateExpressionPolicy(SIZES.expressionLines);
  const expressionCount = (expressionText.match(/@[({]/g) ?? []).length;
  const expressionClient = new BenchClient();
  await expressionClient.initialize(undefined);
  const expressionUri = `file:///bench/expressions-${SIZES.expressionLines}/policy.xml`;
  await expressionClient.open(expressionUri, expressionText);
  const expressionLatency = await typeInto(expressionClient, expressionUri, expressionText, SIZES.edits);
  const tokenTimes = [];
  for (let index = 0; index < SIZES.edits / 4 + 5; index++) {
    const ms = await expressionClient.semanticTokens(expressionUri);
    if (index >= 5) tokenTimes.push(ms);
  }
  await expressionClient.close();
  const expressionLines = expressionText.split('\n').length;
  results.push({ document: `${expressionLines}-line policy with ${expressionCount} expressions`, target: 60, ...expressionLatency });
  results.push({
    label: 'Semantic tokens (full request)',
    document: `the ${expressionLines}-line expression policy`,
    target: 60,
    p50: percentile(tokenTimes, 50),
    p95: percentile(tokenTimes, 95),
    edits: tokenTimes.length,
  });
  log(`keystrokes on ${expressionCount} expressions: p50 ${expressionLatency.p50.toFixed(1)} ms, p95 ${expressionLatency.p95.toFixed(1)} ms`);
  log(`semantic tokens: p50 ${percentile(tokenTimes, 50).toFixed(1)} ms, p95 ${percentile(tokenTimes, 95).toFixed(1)} ms`);
  const client = new BenchClient();
  await client.initialize(workspace.root);
  const text = readFileSync(workspace.firstOperationPolicy, 'utf8');
  const uri = pathToFileURL(workspace.firstOperationPolicy).href;
  await client.open(uri, text);
  const firstDiagnosticsMs = performance.now() - client.spawnedAt;
  const afterOpen = client.memory();
  const latency = await typeInto(client, uri, text, SIZES.edits);
  const afterEdits = client.memory();
  await client.close();
  results.push({ document: `operation policy in a ${workspace.apis}-API workspace`, target: 30, ...latency });
  log(`keystrokes in the ${workspace.apis}-API workspace: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  return {
    keystrokes: results,
    server: { apis: workspace.apis, firstDiagnosticsMs, rssAfterOpen: afterOpen.rss, rssAfterEdits: afterEdits.rss, peakRss: afterEdits.peak },
  };
}

// ---- 3. workspace review through the CLI ----

function ensureWorkspace(apis) {
  const folder = join(WORKSPACES, `apis-${apis}`);
  const stampPath = join(folder, '.bench-stamp.json');
  const generator = readFileSync(join(root, 'bench', 'generateWorkspace.mjs'), 'utf8');
  const stamp = JSON.stringify({ apis, operations: 5, seed: 8, generatorLength: generator.length });
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { root: folder, apis, firstOperationPolicy: join(folder, 'apis', 'api-00000', 'operations', 'operation-0', 'policy.xml'), files: undefined };
  }
  log(`generating a ${apis}-API workspace...`);
  const result = generateWorkspace(folder, { apis, operations: 5, seed: 8 });
  writeFileSync(stampPath, stamp);
  return result;
}

/** The same service as a Bicep deployment (main.bicep and one module per API, policies loaded from XML files). */
function ensureBicepDeployment(apis) {
  const folder = join(WORKSPACES, `bicep-${apis}`);
  const stampPath = join(folder, '.bench-stamp.json');
  const generator = readFileSync(join(root, 'bench', 'generateWorkspace.mjs'), 'utf8');
  const stamp = JSON.stringify({ apis, operations: 5, seed: 8, bicep: true, generatorLength: generator.length });
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { root: folder, apis, bicep: true };
  log(`generating a ${apis}-API Bicep deployment...`);
  const result = generateBicepDeployment(folder, { apis, operations: 5, seed: 8 });
  writeFileSync(stampPath, stamp);
  return { ...result, bicep: true };
}

function reviewOnce(folder) {
  const rssFile = join(tmpdir(), `apim-bench-rss-${process.pid}`);
  const output = join(tmpdir(), `apim-bench-review-${process.pid}.json`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      join(root, 'bench', 'reportMaxRss.cjs'),
      join(DIST, 'cli.js'),
      'review',
      folder,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--output',
      output,
    ],
    { env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: 'utf8' },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) log(`CLI exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  const peakRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  const summary = existsSync(output) ? JSON.parse(readFileSync(output, 'utf8')).summary : undefined;
  rmSync(rssFile, { force: true });
  rmSync(output, { force: true });
  return { ms, peakRss, documents: summary?.documents, findings: summary?.findings };
}

function measureReviews(workspaces) {
  return workspaces.map((workspace) => {
    const runs = Array.from({ length: SIZES.reviewRuns }, () => reviewOnce(workspace.root));
    const result = {
      apis: workspace.apis,
      bicep: workspace.bicep === true,
      documents: runs[0].documents,
      findings: runs[0].findings,
      seconds: median(runs.map((run) => run.ms)) / 1000,
      peakRssMB: mb(Math.max(...runs.map((run) => run.peakRss))),
    };
    log(`review of ${workspace.apis} APIs${result.bicep ? ' (Bicep)' : ''}: ${result.seconds.toFixed(2)} s, ${result.peakRssMB.toFixed(0)} MB peak`);
    return result;
  });
}

// ---- 4. hostile input (issue 19): each case in its own process, CPU time and peak RSS ----

function measureHostileInput(engineFile) {
  return SIZES.hostile.map(([name, size]) => {
    const result = spawnSync(process.execPath, [join(root, 'bench', 'hostileInput.cjs'), engineFile, name, String(size)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (result.status !== 0) {
      log(`hostile input ${name} ${size} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
      return { name, size, cpuMs: NaN, wallMs: NaN, peakRssMB: NaN, findings: {} };
    }
    const measured = JSON.parse(result.stdout.trim().split('\n').pop());
    log(`hostile input ${name} ${size}: ${(measured.cpuMs / 1000).toFixed(2)} s CPU, ${measured.peakRssMB.toFixed(0)} MB peak`);
    return measured;
  });
}

function hostileRows(hostile) {
  return hostile.map((h) => {
    const findings = Object.values(h.findings).reduce((sum, count) => sum + count, 0);
    return [
      `Hostile: ${h.name} x ${h.size.toLocaleString('en-US')}`,
      `${(h.cpuMs / 1000).toFixed(2)} s CPU, ${h.peakRssMB.toFixed(0)} MB`,
      `${findings} findings`,
      '',
    ];
  });
}

// ---- 5. footprint ----

function bundleSizes() {
  const dist = join(root, 'dist');
  const sizes = {};
  for (const name of existsSync(dist) ? readdirSync(dist).sort() : []) if (name.endsWith('.js')) sizes[name] = statSync(join(dist, name)).size;
  const vsix = join(root, 'apim-studio.vsix');
  return { bundles: sizes, vsixBytes: existsSync(vsix) ? statSync(vsix).size : undefined };
}

// ---- report ----

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Number((totalmem() / 1e9).toFixed(1)),
    freeMemoryGB: Number((freemem() / 1e9).toFixed(1)),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

function table(results) {
  const rows = [];
  const row = (figure, measured, target, verdict) => rows.push([figure, measured, target, verdict]);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const t = results.throughput;
  row(
    'Parser throughput',
    `${t.parserMBps.toFixed(1)} MB/s`,
    '>= 2x fast-xml-parser',
    `${t.parserVsFastXmlParser.toFixed(2)}x (${met(t.parserVsFastXmlParser >= 2)})`,
  );
  row('fast-xml-parser (preserveOrder)', `${t.fastXmlParserMBps.toFixed(1)} MB/s`, 'reference', `${t.acceptedByFastXmlParser}/${t.documents} docs`);
  row(
    'Full analysis throughput',
    `${t.fullAnalysisMBps.toFixed(1)} MB/s`,
    '>= 1x fast-xml-parser',
    `${t.analysisVsFastXmlParser.toFixed(2)}x (${met(t.analysisVsFastXmlParser >= 1)})`,
  );
  for (const k of results.keystrokes) {
    row(
      `${k.label ?? 'Keystroke'} p50/p95: ${k.document}`,
      `${k.p50.toFixed(1)} / ${k.p95.toFixed(1)} ms`,
      `p95 <= ${k.target} ms`,
      `${(k.p95 / k.target).toFixed(2)}x target (${met(k.p95 <= k.target)})`,
    );
  }
  const apiops = results.reviews.filter((r) => !r.bicep);
  for (const [index, r] of apiops.entries()) {
    const previous = apiops[index - 1];
    const growth = previous
      ? `${(r.seconds / previous.seconds).toFixed(2)}x time for ${(r.apis / previous.apis).toFixed(1)}x APIs (${met(r.seconds / previous.seconds <= 2.2)})`
      : '';
    const target = r.apis === 1000 ? '<= 3 s, <= 400 MB' : 'doubling <= 2.2x';
    const verdict = r.apis === 1000 ? `${met(r.seconds <= 3 && r.peakRssMB <= 400)} ${growth}` : growth;
    row(`Workspace review: ${r.apis} APIs (${r.documents ?? '?'} docs)`, `${r.seconds.toFixed(2)} s, ${r.peakRssMB.toFixed(0)} MB`, target, verdict.trim());
  }
  for (const r of results.reviews.filter((review) => review.bicep)) {
    const verdict = r.apis === 1000 ? met(r.seconds <= 3 && r.peakRssMB <= 400) : '';
    row(
      `Bicep deployment review: ${r.apis} APIs (${r.documents ?? '?'} docs)`,
      `${r.seconds.toFixed(2)} s, ${r.peakRssMB.toFixed(0)} MB`,
      r.apis === 1000 ? '<= 3 s, <= 400 MB' : '',
      verdict,
    );
  }
  for (const [name, bytes] of Object.entries(results.footprint.bundles)) row(`Bundle dist/${name}`, `${(bytes / 1024).toFixed(0)} KB`, '', '');
  const vsix = results.footprint.vsixBytes;
  row('VSIX', vsix === undefined ? 'not built (npm run package)' : `${mb(vsix).toFixed(2)} MB`, '<= 2 MB', vsix === undefined ? '' : met(mb(vsix) <= 2));
  const s = results.server;
  row(
    `Server RSS (${s.apis}-API workspace open)`,
    `${mb(s.rssAfterOpen).toFixed(0)} MB open, ${mb(s.rssAfterEdits).toFixed(0)} MB after edits`,
    '<= 300 MB',
    met(mb(Math.max(s.rssAfterOpen, s.rssAfterEdits)) <= 300),
  );
  row('Server start to first diagnostics', `${s.firstDiagnosticsMs.toFixed(0)} ms`, '', '');
  for (const cells of hostileRows(results.hostile)) row(...cells);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...[['Figure', 'Measured', 'Target', 'Ratio / verdict'], ...rows].map((cells) => cells[column].length)));
  const format = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(['Figure', 'Measured', 'Target', 'Ratio / verdict']), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(format)].join(
    '\n',
  );
}

async function main() {
  if (!existsSync(join(root, 'dist', 'server.js')) || !existsSync(join(root, 'dist', 'cli.js'))) {
    console.error('dist/ is missing: run `node scripts/build.mjs` first (npm run bench does).');
    process.exit(2);
  }
  mkdirSync(WORKSPACES, { recursive: true });
  for (const name of ['server.js', 'cli.js']) copyFileSync(join(root, 'dist', name), join(DIST, name));
  const footprint = bundleSizes();
  const started = performance.now();
  const engine = await loadEngine();
  if (hostileOnly) {
    const hostile = measureHostileInput(ENGINE_FILE);
    console.log(
      hostileRows(hostile)
        .map((cells) => `| ${cells.join(' | ')} |`)
        .join('\n'),
    );
    rmSync(DIST, { recursive: true, force: true });
    return;
  }
  const workspaces = SIZES.workspaceApis.map(ensureWorkspace);
  const keystrokeWorkspace = workspaces.find((workspace) => workspace.apis === SIZES.keystrokeApis) ?? ensureWorkspace(SIZES.keystrokeApis);
  const throughput = measureThroughput(engine, keystrokeWorkspace.root);
  const { keystrokes, server } = await measureKeystrokes(keystrokeWorkspace);
  const reviews = measureReviews([...workspaces, ensureBicepDeployment(SIZES.bicepApis)]);
  const hostile = measureHostileInput(ENGINE_FILE);
  const results = {
    date: new Date().toISOString(),
    quick,
    runs: RUNS,
    machine: machine(),
    throughput,
    keystrokes,
    reviews,
    server,
    hostile,
    footprint,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  console.log(
    `APIM Studio benchmark${quick ? ' (quick)' : ''}: median of ${RUNS} run(s); ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}`,
  );
  console.log(`Throughput corpus: ${throughput.source}`);
  console.log(table(results));
  console.log(`Wrote bench/results.json in ${results.seconds.toFixed(0)} s.`);
  rmSync(DIST, { recursive: true, force: true });
}

await main();
