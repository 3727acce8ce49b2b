import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../server/src/engine/config/parseConfig';
import { REPO_ROOT } from '../../support/paths';
import { writeWorkspace } from './cliRunner';

const BROKEN_POLICY = '<policies>\n  <inbound>\n</policies>\n';

function cli(args: readonly string[], options: { cwd?: string; stdout?: number } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

describe('the CLI on hostile arguments and files', () => {
  test('--config nested 100,000 deep: exit 2 with a message, no stack trace', () => {
    const dir = writeWorkspace({ 'policy.xml': BROKEN_POLICY, 'deep.json': `{"rules":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
    const result = cli(['review', join(dir, 'policy.xml'), '--config', join(dir, 'deep.json')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /nested more than \d+ levels deep/);
    assert.doesNotMatch(result.stderr, /RangeError|at /);
  });

  test('a report that cannot be written to standard output (/dev/full): exit 2 with a message', {
    skip: !existsSync('/dev/full') && 'no /dev/full here',
  }, () => {
    const dir = writeWorkspace({ 'policy.xml': BROKEN_POLICY });
    const full = openSync('/dev/full', 'w');
    try {
      const result = cli(['review', dir], { stdout: full });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot write to standard output/);
    } finally {
      closeSync(full);
    }
  });

  test('an empty path argument is a usage error, not the current folder', () => {
    const dir = writeWorkspace({ 'policy.xml': BROKEN_POLICY });
    const result = cli(['review', ''], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /empty path/);
    assert.equal(result.stdout, '');
  });

  test('--output naming a reviewed file is refused and the file is untouched', () => {
    const dir = writeWorkspace({ 'apis/a/policy.xml': BROKEN_POLICY });
    const target = join(dir, 'apis', 'a', 'policy.xml');
    const result = cli(['review', dir, '--output', target]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is one of the files being reviewed/);
    assert.equal(readFileSync(target, 'utf8'), BROKEN_POLICY);
    // A report beside the files is fine.
    assert.equal(cli(['review', dir, '--output', join(dir, 'report.txt')]).status, 1);
  });

  test('newlines and terminal escapes in a file name cannot forge lines in text output', () => {
    const name = 'x\n/forged.xml:1:1 error fake-rule forged line\u001b[2J.policy.xml';
    const dir = writeWorkspace({ [name]: BROKEN_POLICY });
    const result = cli(['review', dir, '--fail-on', 'never']);
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((line) => !line.startsWith('/forged.xml')),
      result.stdout,
    );
    assert.doesNotMatch(result.stdout, /\u001b/);
    assert.match(result.stdout, /x\\n\/forged\.xml/);
  });

  test("a suppression's expiry must be a day that exists", () => {
    const config = (expires: string): string => JSON.stringify({ suppressions: [{ rule: 'rate-limit-missing', reason: 'r', files: ['**'], expires }] });
    for (const day of ['2099-02-30', '2099-13-01', '2099-04-31', '2100-02-29']) {
      assert.deepEqual(
        parseConfig(config(day)).findings.map((finding) => finding.message),
        ["'expires' must be a date written YYYY-MM-DD."],
        day,
      );
    }
    for (const day of ['2099-12-31', '2096-02-29']) assert.deepEqual(parseConfig(config(day)).findings, [], day);
  });
});
