// The extension-host suite in a desktop VS Code through @vscode/test-electron, for a machine that
// can download VS Code (this project's CI cannot: it uses runAll.mjs and code-server instead).
// Usage: node scripts/build.mjs && node test/e2e/runDesktop.mjs
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The VS Code inside code-server 4.96.4, so desktop and CI runs test against the same editor.
const VSCODE_VERSION = '1.96.4';

const scratch = mkdtempSync(join(tmpdir(), 'apim-studio-desktop-e2e-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
let exitCode = 1;
try {
  exitCode = await runTests({
    version: VSCODE_VERSION,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(scratch, 'user-data')],
  });
} catch (error) {
  console.error(`[e2e] desktop VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
