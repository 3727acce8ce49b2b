import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apim-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('apim-studio review (CLI)', () => {
  test('the bundled example is clean: exit 0 and a summary line', () => {
    const result = runCli('review', join(REPO_ROOT, 'examples', 'contoso-apiops'));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^14 documents reviewed: /m);
  });

  test('text format: file:line:col severity code message, exit 1 on errors', () => {
    const dir = workspace({ 'policy.xml': '<policies>\n  <inbound>\n</policies>\n', 'notes.txt': 'ignored' });
    const result = runCli('review', dir);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        `${join(dir, 'policy.xml')}:2:4 error xml-unclosed-element <inbound> is never closed: add </inbound> or make it self-closing.`,
        `${join(dir, 'policy.xml')}:2:4 hint rate-limit-missing No rate limit or quota runs for this document (APIM Studio cannot see all the parent scopes, which may add one): add rate-limit-by-key or quota-by-key to inbound.`,
        '1 document reviewed: 1 error, 1 hint.',
        '',
      ].join('\n'),
    );
  });

  test('json format: absolute file, 0-based LSP range, summary', () => {
    const dir = workspace({ 'a.policy.xml': '<policies>\n  <inbound>\n</policies>\n', '.apim-studio.json': '{ "rules": { "rate-limit-missing": "off" } }' });
    const result = runCli('review', dir, '--format', 'json');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.findings[0], {
      ruleId: 'xml-unclosed-element',
      kind: 'syntax',
      severity: 'error',
      message: '<inbound> is never closed: add </inbound> or make it self-closing.',
      file: join(dir, 'a.policy.xml'),
      range: { start: { line: 1, character: 3 }, end: { line: 1, character: 10 } },
      docsUrl: 'https://github.com/apim-studio/apim-studio/blob/main/docs/syntax.md#xml-unclosed-element',
    });
    assert.equal(report.findings.length, 1, 'the config turned rate-limit-missing off');
    assert.equal(report.summary.documents, 2, 'the policy and the config file');
    assert.equal(report.summary.bySeverity.error, 1);
  });

  test('--fail-on never exits 0 with findings; --output writes the report to a file', () => {
    const dir = workspace({ 'policy.xml': '<policies><inbound></policies>' });
    const output = join(dir, 'report.json');
    const result = runCli('review', dir, '--fail-on=never', '--format=json', '--output', output);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
    assert.deepEqual(
      JSON.parse(readFileSync(output, 'utf8')).findings.map((finding: { ruleId: string }) => finding.ruleId),
      ['xml-unclosed-element', 'rate-limit-missing'],
    );
  });

  test('usage and I/O errors exit 2 with a clear message', () => {
    const missing = runCli('review', join(REPO_ROOT, 'does-not-exist'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No such file or folder: .*does-not-exist/);
    const badFormat = runCli('review', '.', '--format', 'yaml');
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /Unknown format 'yaml'; use one of: text, json/);
    assert.equal(runCli('review').status, 2);
    assert.equal(runCli('frobnicate').status, 2);
  });

  test("Terraform files are reviewed, with values from the folder's tfvars", () => {
    const dir = workspace({
      'infra/main.tf':
        'resource "azurerm_api_management" "apim" {\n  name     = "apim"\n  sku_name = var.sku\n  identity {\n    type = "SystemAssigned"\n  }\n  security {\n    frontend_tls10_enabled = true\n  }\n}\n',
      'infra/variables.tf': 'variable "sku" {}\n',
      'infra/terraform.tfvars': 'sku = "Standard_2"\n',
      'infra/network.tf': 'resource "azurerm_virtual_network" "v" {\n  name = "v"\n}\n',
    });
    const result = runCli('review', dir, '--fail-on', 'never');
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(`${join(dir, 'infra', 'main.tf')}:8:30 warning legacy-tls-enabled`), result.stdout);
    assert.ok(!result.stdout.includes('network.tf'), result.stdout);
  });

  test('XML files that are not policies are skipped; node_modules is never walked', () => {
    const dir = workspace({ 'pom.xml': '<project><broken></project>', 'node_modules/pkg/policy.xml': '<policies><inbound></policies>' });
    const result = runCli('review', dir);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^0 documents reviewed: no findings\.$/m);
  });
});
