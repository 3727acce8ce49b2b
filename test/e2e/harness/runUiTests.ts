// Stage 2: the UI smoke tests in test/e2e/ui, run by Mocha in plain Node; they drive the
// workbench with Playwright against the packaged VSIX (see ui/workbenchSession.ts).
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { stageEnvironment } from './environment';
import { runMocha, testFilesIn } from './mochaRun';

// An upper bound for hangs only: every step inside waits on the workbench's state.
const UI_TEST_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const env = stageEnvironment();
  const totals = await runMocha(testFilesIn(join(REPO_ROOT, 'out', 'test', 'e2e', 'ui')), UI_TEST_TIMEOUT_MS, env.resultsFile);
  return totals.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
