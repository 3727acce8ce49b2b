// Starts code-server on 127.0.0.1 with a throw-away profile, in its own process group so that
// stopping it also ends the extension host, our language server, the file watcher and the pty host.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Profile } from './profile';

// Upper bounds only: each wait ends as soon as code-server reaches the state it waits for.
const HEALTH_DEADLINE_MS = 120_000;
const STOP_GRACE_MS = 3_000;

export interface RunningCodeServer {
  /** `127.0.0.1:PORT`: also the remote authority of `vscode-remote:` URIs. */
  readonly authority: string;
  stop(): Promise<void>;
}

function profileArgs(profile: Profile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

function profileEnvironment(profile: Profile): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: profile.xdgDir,
    XDG_DATA_HOME: profile.xdgDir,
    XDG_CACHE_HOME: profile.xdgDir,
    // An empty gallery turns the marketplace (open-vsx by default) off instead of failing on DNS.
    EXTENSIONS_GALLERY: '{}',
  };
}

function logTail(logFile: string): string {
  return readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
}

/** Installs a VSIX into the profile the way a user would, with code-server's own CLI. */
export function installExtension(entry: string, profile: Profile, vsix: string, logFile: string): void {
  const result = spawnSync(process.execPath, [entry, ...profileArgs(profile), '--install-extension', vsix], {
    env: profileEnvironment(profile),
    encoding: 'utf8',
    timeout: 60_000,
  });
  writeFileSync(logFile, `${result.stdout}${result.stderr}`, { flag: 'a' });
  if (result.status !== 0 || /Unable to install|Failed Installing/i.test(result.stdout + result.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(child: ChildProcess, authority: string, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${logTail(logFile)}`);
    try {
      const response = await fetch(`http://${authority}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer /healthz within ${HEALTH_DEADLINE_MS / 1000} s:\n${logTail(logFile)}`);
}

/**
 * code-server loads VS Code's server on the first page request; on a loaded machine that takes longer than the
 * workbench's remote connection is willing to wait (it gives up after five attempts, "WebSocket close with status
 * code 1006"). So request a page first and wait until the log says the extension host agent runs.
 */
async function waitForVsCodeServer(child: ChildProcess, authority: string, logFile: string, logStart: number): Promise<void> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  await fetch(`http://${authority}/`)
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${logTail(logFile)}`);
    // The log file is shared by the stage's code-servers: only this one's lines count.
    if (readFileSync(logFile).subarray(logStart).toString('utf8').includes('Extension host agent started')) return;
    await delay(100);
  }
  throw new Error(`code-server's VS Code server did not start within ${HEALTH_DEADLINE_MS / 1000} s:\n${logTail(logFile)}`);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already exited.
  }
}

/**
 * Starts code-server; its output goes to `logFile` and its process-group id to `pidFile`, so the
 * runner can still end the group if this process is killed before it can clean up.
 */
export async function startCodeServer(entry: string, profile: Profile, logFile: string, pidFile: string): Promise<RunningCodeServer> {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const log = openSync(logFile, 'a');
  const args = [
    entry,
    ...profileArgs(profile),
    '--bind-addr',
    authority,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, { env: profileEnvironment(profile), detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server could not be started');
  writeFileSync(pidFile, `${pid}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    await Promise.race([exited, delay(STOP_GRACE_MS)]);
    // The group outlives code-server's own pid: its watcher was once seen orphaned after SIGTERM.
    killGroup(pid, 'SIGKILL');
  };
  try {
    await waitForHealth(child, authority, logFile);
    await waitForVsCodeServer(child, authority, logFile, logStart);
  } catch (error) {
    await stop();
    throw error;
  }
  return { authority, stop };
}
