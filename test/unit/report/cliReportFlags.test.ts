import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressLine } from '../../../server/src/cli/progressLine';
import { REPO_ROOT } from '../../support/paths';
import { writeWorkspace } from './reviewFixture';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function runCli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TRACED =
  '<policies>\n  <inbound>\n    <base />\n    <trace source="x" severity="verbose"><message>@(context.Subscription.Key)</message></trace>\n  </inbound>\n</policies>\n';

function codes(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] }).findings.map((finding) => `${finding.ruleId}:${finding.severity}`);
}

describe('apim-studio review: report formats and configuration flags', () => {
  test('--format sarif|markdown|html write their reports; paths are relative to the working directory', () => {
    const dir = writeWorkspace({ 'apis/echo/policy.xml': TRACED });
    const sarif = runCli(dir, 'review', '.', '--format', 'sarif', '--fail-on', 'never');
    assert.equal(sarif.status, 0, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.some((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'apis/echo/policy.xml'));
    const markdown = runCli(dir, 'review', '.', '--format=markdown', '--fail-on=never');
    assert.match(markdown.stdout, /^# APIM Studio review\n/);
    assert.match(markdown.stdout, /\[apis\/echo\/policy\.xml:4:6\]\(<apis\/echo\/policy\.xml#L4>\)/);
    const output = join(dir, 'apim-review.html');
    const html = runCli(dir, 'review', '.', '--format', 'html', '--output', output, '--fail-on', 'never');
    assert.equal(html.stdout, '');
    assert.equal(html.stderr, '', 'no progress line when stderr is not a terminal');
    assert.match(readFileSync(output, 'utf8'), /^<!DOCTYPE html>/);
  });

  test('--rule overrides the config (its overrides included) and --environment drops production-only rules', () => {
    const dir = writeWorkspace({
      'apis/echo/policy.xml': TRACED,
      '.apim-studio.json': '{ "overrides": [ { "files": ["apis/**"], "rules": { "tracing-enabled": "info" } } ] }',
    });
    assert.ok(codes(runCli(dir, 'review', '.', '--format', 'json').stdout).includes('tracing-enabled:info'));
    assert.ok(codes(runCli(dir, 'review', '.', '--format', 'json', '--rule', 'tracing-enabled=error').stdout).includes('tracing-enabled:error'));
    const off = runCli(dir, 'review', '.', '--format', 'json', '--rule', 'tracing-enabled=off', '--rule', 'rate-limit-missing=off');
    assert.deepEqual(
      codes(off.stdout).filter((code) => code.startsWith('tracing-enabled') || code.startsWith('rate-limit-missing')),
      [],
    );
    const nonproduction = runCli(dir, 'review', '.', '--format', 'json', '--environment', 'nonproduction');
    assert.ok(!codes(nonproduction.stdout).some((code) => code.startsWith('tracing-enabled')));
  });

  test('--config uses one explicit file; a missing or invalid one is an error', () => {
    const dir = writeWorkspace({
      'apis/echo/policy.xml': TRACED,
      'configs/strict.json': '{ "rules": { "tracing-enabled": "hint" } }',
      'configs/bad.json': '{ "rules": 3 }',
    });
    assert.ok(codes(runCli(dir, 'review', '.', '--format', 'json', '--config', 'configs/strict.json').stdout).includes('tracing-enabled:hint'));
    const missing = runCli(dir, 'review', '.', '--config', 'configs/none.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read the config file configs\/none\.json/);
    const bad = runCli(dir, 'review', '.', '--config', 'configs/bad.json');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^apim-studio: configs\/bad\.json:1:\d+ /);
  });

  test('bad flag values are usage errors', () => {
    const dir = writeWorkspace({ 'policy.xml': TRACED });
    for (const [args, message] of [
      [['--rule', 'no-such-rule=off'], /Unknown rule 'no-such-rule' in --rule/],
      [['--rule', 'tracing-enabled'], /--rule takes <rule>=<level>/],
      [['--rule', 'tracing-enabled=loud'], /--rule takes <rule>=<level>/],
      [['--environment', 'staging'], /--environment takes one of: production, nonproduction/],
      [['--config'], /--config needs a value/],
    ] as const) {
      const result = runCli(dir, 'review', '.', ...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  test('the terminal progress line redraws every 25 documents and on the last, then erases itself', () => {
    const written: string[] = [];
    const progress = progressLine((text) => written.push(text));
    for (let done = 0; done < 30; done++) progress.onProgress(done, 30);
    progress.finish();
    assert.deepEqual(written, [
      '\r\u001b[KReviewing 1/30 documents',
      '\r\u001b[KReviewing 26/30 documents',
      '\r\u001b[KReviewing 30/30 documents',
      '\r\u001b[K',
    ]);
  });
});
