// Settings the e2e runner (test/e2e/runAll.mjs) hands to each stage through the environment.
// The environment also reaches the extension host, which code-server starts as a child.
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the e2e tests through test/e2e/runAll.mjs`);
  return value;
}

export interface StageEnvironment {
  /** code-server's `out/node/entry.js`. */
  readonly codeServerEntry: string;
  /** Logs and screenshots of this stage; CI keeps the folder when a run fails. */
  readonly artifactsDir: string;
  /** Where the stage's Mocha run writes `{"passed":N,"failed":N}`. */
  readonly resultsFile: string;
  /** Keep the throw-away profile even when every test passes. */
  readonly keepProfile: boolean;
  readonly chromiumPath: string;
}

export function stageEnvironment(): StageEnvironment {
  return {
    codeServerEntry: required('APIM_CODE_SERVER_ENTRY'),
    artifactsDir: required('APIM_E2E_ARTIFACTS'),
    resultsFile: required('APIM_E2E_RESULTS'),
    keepProfile: process.env.E2E_KEEP === '1',
    chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

/** The folder copied into each profile as the workspace the tests open. */
export const FIXTURE_WORKSPACE = join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workspace');
