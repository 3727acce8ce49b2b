import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS_SKIP } from '../../support/corpus';
import { REPO_ROOT } from '../../support/paths';

test('every corpus finding is in the labelled ecosystem baseline, and every baseline entry is still found', { skip: CORPUS_SKIP }, () => {
  // The test runner has just built dist/cli.js; the script reviews the corpus with it and exits 1 on any difference.
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ecosystem.mjs'), '--no-build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});
