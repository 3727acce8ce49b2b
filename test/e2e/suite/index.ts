// The extension-host test entry (VS Code's `extensionTestsPath` shape): VS Code requires the
// compiled file and awaits run(). It runs the same way under code-server (test/e2e/runAll.mjs)
// and under @vscode/test-electron with a desktop VS Code.
import { runMocha, testFilesIn } from '../harness/mochaRun';

const TEST_TIMEOUT_MS = 30_000;

export async function run(): Promise<void> {
  // Set by the code-server harness so the runner can count results; absent under test-electron.
  const totals = await runMocha(testFilesIn(__dirname), TEST_TIMEOUT_MS, process.env.APIM_E2E_RESULTS);
  if (totals.failed > 0) throw new Error(`${totals.failed} extension-host test(s) failed`);
}
