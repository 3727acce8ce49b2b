// Installs code-server (a real VS Code: server, web workbench, Node extension host) from the npm
// registry with no other network access, into a per-version cache folder outside the clone.
// A second run is a no-op. Usage: node test/e2e/installCodeServer.mjs [--print-home]
//
// Needs the Debian packages libkrb5-dev (headers for the kerberos addon's source build) and
// ripgrep (stands in for @vscode/ripgrep's GitHub download). Four offline workarounds below.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from './processes.mjs';

/** The last code-server whose engines accept Node 20; it ships VS Code 1.96.4. */
export const CODE_SERVER_VERSION = '4.96.4';

// @vscode/ripgrep as pinned by VS Code 1.96.4, and the ripgrep build its postinstall fetches.
const VSCODE_RIPGREP_VERSION = '1.15.9';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

// VS Code's shrinkwrap pins this package to a GitHub commit; the registry tarball has the same integrity.
const PROXY_AGENT_REGISTRY_TARBALL = 'https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz';

const MARKER = '.apim-studio-installed';
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

/** Where code-server lives: $APIM_CODE_SERVER_HOME, else the user's cache folder, per version. */
export function codeServerHome() {
  if (process.env.APIM_CODE_SERVER_HOME) return process.env.APIM_CODE_SERVER_HOME;
  const cacheRoot = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheRoot, 'apim-studio', `code-server-${CODE_SERVER_VERSION}`);
}

/** The script code-server runs as `node <entry> ...`. */
export function codeServerEntry(home = codeServerHome()) {
  return join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function commandPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function checkPrerequisites() {
  const missing = [];
  if (!commandPath('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!commandPath('make') || !commandPath('g++') || !commandPath('python3')) missing.push('build-essential python3');
  if (missing.length > 0) {
    throw new Error(`code-server needs: apt-get install -y ${missing.join(' ')}`);
  }
  if (!RIPGREP_TARGETS[process.arch] || process.platform !== 'linux') {
    throw new Error(`the offline code-server install supports Linux x64/arm64, not ${process.platform}-${process.arch}`);
  }
}

/** Puts the system `rg` where @vscode/ripgrep looks before downloading from GitHub. */
function seedRipgrepCache() {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  const tarball = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${RIPGREP_TARGETS[process.arch]}.tar.gz`);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  const rg = commandPath('rg');
  execFileSync('tar', ['-czf', tarball, '-C', dirname(rg), 'rg']);
}

function patchProxyAgentDependency(home) {
  const shrinkwrap = join(home, 'node_modules', 'code-server', 'lib', 'vscode', 'npm-shrinkwrap.json');
  const text = readFileSync(shrinkwrap, 'utf8');
  const patched = text.replace(
    /"resolved":\s*"git\+ssh:\/\/git@github\.com\/microsoft\/vscode-proxy-agent\.git#[0-9a-f]+"/g,
    `"resolved": "${PROXY_AGENT_REGISTRY_TARBALL}"`,
  );
  if (patched !== text) writeFileSync(shrinkwrap, patched);
}

/** Loads the native addons the build produced, so a silently skipped build fails here, not in a test. */
function checkInstall(home) {
  const vscodeModules = join(home, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const addons = ['node-pty', '@vscode/spdlog', 'native-watchdog', 'kerberos', '@parcel/watcher'];
  const script = addons.map((name) => `require(${JSON.stringify(join(vscodeModules, name))});`).join('');
  execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
  execFileSync(join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'), ['--version'], { stdio: 'ignore' });
  // code-server writes a default config on any start; keep it out of the user's home.
  const scratch = join(home, 'version-check');
  const env = { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch };
  const version = execFileSync(process.execPath, [codeServerEntry(home), '--version'], { encoding: 'utf8', env });
  rmSync(scratch, { recursive: true, force: true });
  return version.trim().split('\n').pop() ?? '';
}

async function step(label, command, args, options) {
  const started = Date.now();
  const { code } = await runStep(command, args, { ...options, label, timeoutMs: INSTALL_TIMEOUT_MS });
  if (code !== 0) throw new Error(`${label} failed (exit ${code}); see ${options.logFile}`);
  console.log(`[e2e] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Installs code-server unless the cache already holds a checked install; returns its folder. */
export async function ensureCodeServer() {
  const home = codeServerHome();
  if (existsSync(join(home, MARKER)) && existsSync(codeServerEntry(home))) return home;
  checkPrerequisites();
  console.log(`[e2e] installing code-server ${CODE_SERVER_VERSION} into ${home}`);
  // A folder without the marker is a broken earlier attempt: start clean.
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), '{ "private": true }\n');
  const logFile = join(home, 'install.log');
  const npm = commandPath('npm');
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without this (an environment variable, not a flag).
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  seedRipgrepCache();
  await step('npm install code-server', npm, ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: home,
    env,
    logFile,
  });
  patchProxyAgentDependency(home);
  await step('npm rebuild (native addons, VS Code dependencies)', npm, ['rebuild', '--foreground-scripts'], {
    cwd: home,
    env,
    logFile,
  });
  const version = checkInstall(home);
  writeFileSync(join(home, MARKER), `${version}\n`);
  console.log(`[e2e] code-server ready: ${version}`);
  return home;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const home = await ensureCodeServer();
    if (process.argv.includes('--print-home')) console.log(home);
  } catch (error) {
    console.error(`[e2e] ${error.message}`);
    process.exit(1);
  }
}
