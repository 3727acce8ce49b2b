// Child processes for the e2e runners: every command runs in its own process group under a time
// limit, so a hang kills the whole tree (code-server's extension host, language server, watcher).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Sends a signal to a whole process group; quiet when the group is already gone. */
export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group has already exited.
  }
}

/**
 * Runs a command in its own process group and resolves with its exit code (never rejects).
 * Output goes to the terminal, or appends to `logFile` when given. On timeout the group gets
 * SIGTERM, then SIGKILL a few seconds later, and the result says `timedOut`.
 */
export function runStep(command, args, { cwd, env, timeoutMs, logFile, label = command }) {
  return new Promise((resolve) => {
    const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    if (log) {
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
    }
    let timedOut = false;
    let killTimer;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[e2e] ${label}: no result after ${Math.round(timeoutMs / 1000)} s, stopping it`);
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    }, timeoutMs);
    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      // Anything the command left behind in its group goes with it.
      killGroup(child.pid, 'SIGKILL');
      const done = () => resolve({ code: timedOut ? 124 : code, timedOut });
      if (log) log.end(done);
      else done();
    };
    child.on('error', (error) => {
      console.error(`[e2e] ${label}: ${error.message}`);
      finish(127);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}
