// Runs Mocha test files (tdd ui, spec reporter) and records the totals as {"passed":N,"failed":N}
// so the e2e runner can add them up; used inside the extension host and in plain Node.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface MochaTotals {
  readonly passed: number;
  readonly failed: number;
}

/** The compiled `*.test.js` files of a folder, in name order. */
export function testFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

export function runMocha(files: readonly string[], timeoutMs: number, resultsFile: string | undefined): Promise<MochaTotals> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: timeoutMs });
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      // Failures include failed hooks, which leave their tests unrun.
      const totals = { passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 };
      if (files.length === 0) console.log('no e2e test files found');
      const counted = files.length === 0 ? { ...totals, failed: totals.failed + 1 } : totals;
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify(counted));
      resolve(counted);
    });
  });
}
