// Stage 1: the Mocha suite in test/e2e/suite runs inside code-server's real extension host, with
// this repository as the extension under development (VS Code's extensionDevelopmentPath and
// extensionTestsPath, passed in the workbench URL's `payload`, as VS Code's own browser tests do).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startCodeServer } from './codeServer';
import { REPO_ROOT } from '../../support/paths';
import { FIXTURE_WORKSPACE, stageEnvironment } from './environment';
import { createProfile, disposeProfile } from './profile';
import { recordBrowserConsole, saveScreenshot } from './pageArtifacts';
import { withDeadline } from './deadline';

const EXTENSION_TESTS = join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
/** Bounds the test run from the inside, so a hang still leaves a screenshot and logs behind. */
// Generous: on a loaded 2-core machine the run takes minutes; every wait inside is on state, this only catches hangs.
const TEST_RUN_DEADLINE_MS = 240_000;

function workbenchUrl(authority: string, workspaceDir: string): string {
  // The remote authority must be exactly the host:port the browser opened.
  const remote = (path: string): string => `vscode-remote://${authority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(EXTENSION_TESTS)],
    ['skipWelcome', 'true'],
  ];
  const query = new URLSearchParams({ folder: workspaceDir, payload: JSON.stringify(payload) });
  return `http://${authority}/?${query.toString()}`;
}

// Workbench start-up chatter, kept out of the terminal (it stays in extension-host.log).
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\])/;

/** Mocha's spec output and anything unexpected go to the terminal; everything goes to the log file. */
function hostLogger(logFile: string): (line: string) => void {
  return (line) => {
    appendFileSync(logFile, `${line}\n`);
    if (!WORKBENCH_NOISE.test(line)) console.log(line);
  };
}

/** Resolves with the exit code the extension host's test run reports to the workbench. */
async function testRunExitCode(page: Page, url: string, logLine: (line: string) => void): Promise<number> {
  let report: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (report = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => report(code));
  // The workbench's and the extension host's console arrive here as printf-style argument lists.
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => logLine(format(...args)));
  // Wait for the navigation to commit, not for `load`: under load the workbench's many scripts take longer than any
  // fixed page timeout, and the test run reports its own end through codeAutomationExit.
  await page.goto(url, { waitUntil: 'commit', timeout: TEST_RUN_DEADLINE_MS });
  return exitCode;
}

async function main(): Promise<number> {
  const env = stageEnvironment();
  const profile = createProfile(FIXTURE_WORKSPACE);
  let exitCode = 1;
  try {
    const server = await startCodeServer(env.codeServerEntry, profile, join(env.artifactsDir, 'code-server.log'), join(env.artifactsDir, 'code-server.pid'));
    try {
      const browser = await launchChromium(env.chromiumPath);
      try {
        const page = await browser.newPage();
        recordBrowserConsole(page, join(env.artifactsDir, 'browser-console.log'));
        try {
          const url = workbenchUrl(server.authority, profile.workspaceDir);
          const logLine = hostLogger(join(env.artifactsDir, 'extension-host.log'));
          exitCode = await withDeadline(testRunExitCode(page, url, logLine), TEST_RUN_DEADLINE_MS, 'extension-host tests');
        } finally {
          if (exitCode !== 0) await saveScreenshot(page, join(env.artifactsDir, 'extension-host.png'));
        }
      } finally {
        await browser.close();
      }
    } finally {
      await server.stop();
    }
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    disposeProfile(profile, exitCode !== 0 || env.keepProfile);
  }
  return exitCode;
}

main().then((code) => process.exit(code));
