// The e2e runner: real VS Code (code-server 4.96.4) driven by headless Chromium.
//   1. extension-host tests: test/e2e/suite in the real extension host, this folder as the dev extension;
//   2. UI smoke tests: test/e2e/ui against the packaged apim-studio.vsix, installed like a user would.
// Usage: node test/e2e/runAll.mjs [--counts=FILE]
// Prints every test with its result, writes {"passed":N,"failed":N} to FILE and exits non-zero on
// any failure. Logs and screenshots go to .e2e-artifacts/ and stay there when something fails
// (E2E_KEEP=1 keeps them, and the throw-away profiles, always).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, ensureCodeServer } from './installCodeServer.mjs';
import { killGroup, runStep } from './processes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifactsRoot = join(root, '.e2e-artifacts');
const vsix = join(root, 'apim-studio.vsix');
const keep = process.env.E2E_KEEP === '1';
const countsArgument = process.argv.slice(2).find((arg) => arg.startsWith('--counts='));
const countsFile = countsArgument?.slice('--counts='.length);

const BUILD_TIMEOUT_MS = 120_000;
const STAGE_TIMEOUT_MS = 600_000;
// Changes to these make an existing VSIX stale.
const PACKAGED_SOURCES = [
  'package.json',
  'language-configuration.json',
  'client/src',
  'server/src',
  'syntaxes',
  'snippets',
  'images',
  'walkthrough',
  'README.vsix.md',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function vsixNeedsBuild() {
  if (!existsSync(vsix)) return 'missing';
  const built = statSync(vsix).mtimeMs;
  return PACKAGED_SOURCES.some((path) => newestChange(join(root, path)) > built) ? 'older than the sources' : '';
}

async function build(label, command, args) {
  const { code } = await runStep(command, args, { cwd: root, timeoutMs: BUILD_TIMEOUT_MS, label });
  if (code !== 0) throw new Error(`${label} failed (exit ${code})`);
}

async function prepareExtension() {
  const reason = vsixNeedsBuild();
  if (reason) {
    console.log(`[e2e] apim-studio.vsix is ${reason}: packaging it`);
    await build('production build', process.execPath, ['scripts/build.mjs', '--production']);
    await build('vsce package', process.execPath, [
      join('node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--readme-path',
      'README.vsix.md',
      '-o',
      'apim-studio.vsix',
    ]);
  }
  // The extension-host stage runs the dev build: client, server and the compiled tests under out/.
  await build('build', process.execPath, ['scripts/build.mjs']);
}

function readTotals(resultsFile) {
  try {
    const { passed, failed } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    return { passed, failed };
  } catch {
    return { passed: 0, failed: 0 };
  }
}

async function runStage(name, script, extraEnv) {
  const artifacts = join(artifactsRoot, name);
  mkdirSync(artifacts, { recursive: true });
  const resultsFile = join(artifacts, 'results.json');
  console.log(`\n[e2e] ${name} tests`);
  const started = Date.now();
  const { code } = await runStep(process.execPath, [join(root, 'out', 'test', 'e2e', 'harness', script)], {
    cwd: root,
    timeoutMs: STAGE_TIMEOUT_MS,
    label: name,
    env: { ...process.env, ...extraEnv, APIM_E2E_ARTIFACTS: artifacts, APIM_E2E_RESULTS: resultsFile },
  });
  // code-server runs in its own process group; end it even if the stage was killed before it could.
  const pidFile = join(artifacts, 'code-server.pid');
  if (existsSync(pidFile)) killGroup(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  const totals = readTotals(resultsFile);
  // A crash, hang or failed setup with no failing test still counts as one failure.
  const failed = code !== 0 && totals.failed === 0 ? 1 : totals.failed;
  console.log(`[e2e] ${name} tests: ${totals.passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { passed: totals.passed, failed };
}

async function main() {
  rmSync(artifactsRoot, { recursive: true, force: true });
  mkdirSync(artifactsRoot, { recursive: true });
  const totals = { passed: 0, failed: 0 };
  try {
    const home = await ensureCodeServer();
    await prepareExtension();
    const env = { APIM_CODE_SERVER_ENTRY: codeServerEntry(home), APIM_E2E_VSIX: vsix };
    for (const [name, script] of [
      ['extension-host', 'runExtensionTests.js'],
      ['ui', 'runUiTests.js'],
    ]) {
      const stage = await runStage(name, script, env);
      totals.passed += stage.passed;
      totals.failed += stage.failed;
    }
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    totals.failed += 1;
  }
  if (countsFile) {
    mkdirSync(dirname(countsFile), { recursive: true });
    writeFileSync(countsFile, JSON.stringify(totals));
  }
  console.log(`\ne2e: ${totals.passed} passed, ${totals.failed} failed`);
  if (totals.failed > 0) console.log(`[e2e] logs and screenshots: ${artifactsRoot}`);
  else if (!keep) rmSync(artifactsRoot, { recursive: true, force: true });
  return totals.failed === 0 ? 0 : 1;
}

process.exit(await main());
