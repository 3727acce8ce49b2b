import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { readGuardedFile } from '../../../server/src/engine/files/guardedRead';
import { LspTestClient } from '../../support/lspClient';
import { REPO_ROOT } from '../../support/paths';
import { reviewAsJson, writeWorkspace } from './cliRunner';

const POSIX = process.platform !== 'win32';
const BICEP_TEMPLATE =
  "param sku string = 'Developer'\nresource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {\n  name: 'apim'\n  location: 'westeurope'\n  sku: { name: sku, capacity: 1 }\n  properties: { publisherEmail: 'a@example.com', publisherName: 'x' }\n}\n";
const ARM_TEMPLATE = `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[]}`;
const BROKEN_POLICY = '<policies>\n  <inbound>\n</policies>\n';
const LIMITS = { roots: [] as string[], maxBytes: 1024 * 1024 };

/** `text` as UTF-16 with its byte order mark. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, !bigEndian);
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), !bigEndian);
  return bytes;
}

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

/** The CLI with a generous kill timer: before the guarded read, a FIFO blocked it forever. */
function review(path: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'review', path, '--fail-on', 'error'], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('every file the product reads by itself goes through one guarded read', () => {
  test('a symbolic link to /dev/zero is not followed', { skip: !POSIX || !existsSync('/dev/zero') }, () => {
    const dir = writeWorkspace({});
    symlinkSync('/dev/zero', join(dir, 'specification.yaml'));
    const read = readGuardedFile(join(dir, 'specification.yaml'), { ...LIMITS, roots: [dir] });
    assert.equal(read.kind, 'skipped');
    assert.match(read.kind === 'skipped' ? read.reason : '', /symbolic link to \/dev\/zero/);
  });

  test('a special file is not read, even inside the folder', { skip: !POSIX }, () => {
    const dir = writeWorkspace({});
    if (!mkfifo(join(dir, 'fifo'))) return;
    const read = readGuardedFile(join(dir, 'fifo'), { ...LIMITS, roots: [dir] });
    assert.deepEqual(read, { kind: 'skipped', reason: 'it is not a regular file' });
  });

  test('links are followed only to files inside the roots', { skip: !POSIX }, () => {
    const dir = writeWorkspace({ 'inside/real.json': '{"a":1}', 'outside/secret.txt': 'secret' });
    symlinkSync(join(dir, 'inside', 'real.json'), join(dir, 'inside', 'link.json'));
    symlinkSync(join(dir, 'outside', 'secret.txt'), join(dir, 'inside', 'secret.json'));
    assert.deepEqual(readGuardedFile(join(dir, 'inside', 'link.json'), { ...LIMITS, roots: [join(dir, 'inside')] }), { kind: 'text', text: '{"a":1}' });
    assert.equal(readGuardedFile(join(dir, 'inside', 'secret.json'), { ...LIMITS, roots: [join(dir, 'inside')] }).kind, 'skipped');
  });

  test('files over the size limit are not read; missing files are just missing', () => {
    const dir = writeWorkspace({ 'big.json': 'x'.repeat(2048) });
    const read = readGuardedFile(join(dir, 'big.json'), { roots: [dir], maxBytes: 1024 });
    assert.equal(read.kind, 'skipped');
    assert.match(read.kind === 'skipped' ? read.reason : '', /2048 bytes, more than the limit of 1024/);
    assert.deepEqual(readGuardedFile(join(dir, 'absent.json'), LIMITS), { kind: 'missing' });
  });

  test('UTF-16 with a byte order mark is decoded, little and big endian', () => {
    const text = '<policies><inbound /></policies>\n';
    const dir = writeWorkspace({ 'le.xml': utf16(text, false), 'be.xml': utf16(text, true), 'utf8.xml': `\ufeff${text}` });
    for (const name of ['le.xml', 'be.xml', 'utf8.xml']) assert.deepEqual(readGuardedFile(join(dir, name), LIMITS), { kind: 'text', text }, name);
  });

  test('a UTF-16 policy has the same findings as its UTF-8 twin', () => {
    const wide = review(writeWorkspace({ 'policy.xml': utf16(BROKEN_POLICY, false) }));
    const utf8 = review(writeWorkspace({ 'policy.xml': BROKEN_POLICY }));
    const findings = (stdout: string): string[] => stdout.split('\n').map((line) => line.replace(/^.*policy\.xml:/, ''));
    assert.deepEqual(findings(wide.stdout), findings(utf8.stdout));
  });

  test('CLI: FIFOs and outward links with the names it reads by itself are skipped with one line each', { skip: !POSIX }, () => {
    const outside = writeWorkspace({ 'secret.json': '{"parameters":{}}', 'config.json': '{"rules":{"xml-unclosed-element":"off"}}' });
    const dir = writeWorkspace({
      'artifacts/apis/orders/apiInformation.json': '{"properties":{"displayName":"Orders","path":"orders"}}',
      'artifacts/apis/orders/policy.xml': BROKEN_POLICY,
      'templates/main.json': `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","resources":[]}`,
    });
    if (!mkfifo(join(dir, 'artifacts', 'apis', 'orders', 'specification.yaml'))) return;
    mkfifo(join(dir, '.apim-studio.json'));
    symlinkSync(join(outside, 'secret.json'), join(dir, 'templates', 'main.parameters.json'));
    mkdirSync(join(dir, 'artifacts', 'apis', 'orders', 'operations'));
    symlinkSync(join(outside, 'config.json'), join(dir, 'artifacts', '.apim-studio.json'));
    const result = review(dir);
    // It finished, with the policy's own error still failing the gate.
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /error xml-unclosed-element/);
    const skipped = result.stderr.split('\n').filter((line) => line.startsWith('apim-studio: skipped '));
    assert.ok(
      skipped.some((line) => line.includes('specification.yaml') && line.includes('not a regular file')),
      result.stderr,
    );
    assert.ok(
      skipped.some((line) => line.endsWith(`${join(dir, '.apim-studio.json')}: it is not a regular file`)),
      result.stderr,
    );
    assert.ok(
      skipped.some((line) => line.includes(join('artifacts', '.apim-studio.json')) && line.includes('outside the folders being read')),
      result.stderr,
    );
    assert.equal(new Set(skipped).size, skipped.length, 'each skipped file is reported once');
  });

  test('the effective-policy request reads only documents inside the workspace folders', async () => {
    const dir = writeWorkspace({ 'apis/a/policy.xml': '<policies><inbound><base /></inbound></policies>\n' });
    const client = new LspTestClient();
    try {
      await client.initialize(dir);
      for (const outside of ['/etc/passwd', '/dev/zero', join(dir, '..', 'elsewhere', 'policy.xml')]) {
        await assert.rejects(client.request('apimStudio/effectivePolicy', { uri: pathToFileURL(outside).href }), /inside the workspace folders/);
      }
      const inside = await client.request<{ text: string }>('apimStudio/effectivePolicy', { uri: pathToFileURL(join(dir, 'apis', 'a', 'policy.xml')).href });
      assert.match(inside.text, /<policies>/);
    } finally {
      await client.shutdown();
    }
  });

  test('CLI: a parameters file behind an outward link or a FIFO gives its template one warning, and the gate still runs', { skip: !POSIX }, () => {
    const outside = writeWorkspace({ 'main.parameters.json': '{"parameters":{"sku":{"value":"Premium"}}}' });
    const dir = writeWorkspace({ 'linked/main.bicep': BICEP_TEMPLATE, 'fifo/azuredeploy.json': ARM_TEMPLATE });
    symlinkSync(join(outside, 'main.parameters.json'), join(dir, 'linked', 'main.parameters.json'));
    if (!mkfifo(join(dir, 'fifo', 'azuredeploy.parameters.json'))) return;
    const result = reviewAsJson(dir);
    assert.equal(result.status, 0, result.stderr);
    const notRead = result.findings.filter((finding) => finding.ruleId === 'parameters-file-not-read') as unknown as {
      file: string;
      severity: string;
      message: string;
    }[];
    assert.deepEqual(notRead.map((finding) => [finding.file, finding.severity]).sort(), [
      [join(dir, 'fifo', 'azuredeploy.json'), 'warning'],
      [join(dir, 'linked', 'main.bicep'), 'warning'],
    ]);
    const byFile = (name: string): string => notRead.find((finding) => finding.file.endsWith(name))?.message ?? '';
    assert.match(
      byFile('main.bicep'),
      /^The parameters file 'main\.parameters\.json' was not read: it is a symbolic link to .*, outside the folders being read\. The template is analysed without its values \(parameter defaults only\)\.$/,
    );
    assert.match(byFile('azuredeploy.json'), /'azuredeploy\.parameters\.json' was not read: it is not a regular file\./);
    // The skipped files are also listed once each on standard error.
    assert.equal(result.stderr.split('\n').filter((line) => line.includes('main.parameters.json')).length, 1, result.stderr);
  });

  test('a parameters file over the size limit, and an unread .bicepparam that may name the template, are reported', () => {
    const dir = writeWorkspace({
      'main.bicep': BICEP_TEMPLATE,
      'main.parameters.json': `{"parameters":{"sku":{"value":"Premium"}},"padding":"${'x'.repeat(6 * 1024 * 1024)}"}`,
    });
    const analysis = analyseDocument({ path: join(dir, 'main.bicep'), text: BICEP_TEMPLATE }, createAnalysisContext());
    const notRead = analysis.findings.filter((finding) => finding.code === 'parameters-file-not-read');
    assert.deepEqual(
      notRead.map((finding) => [finding.severity, finding.span]),
      [['warning', { start: 0, end: 0 }]],
    );
    assert.match(
      notRead[0].message,
      /'main\.parameters\.json' was not read: it has \d+ bytes, more than the limit of \d+ \(setting apimStudio\.maxFileSizeKB\)\. The template is analysed without its values/,
    );

    const withParam = writeWorkspace({ 'main.bicep': BICEP_TEMPLATE, 'prod.bicepparam': `using 'main.bicep'\nparam sku = '${'x'.repeat(6 * 1024 * 1024)}'\n` });
    const bicepParam = analyseDocument({ path: join(withParam, 'main.bicep'), text: BICEP_TEMPLATE }, createAnalysisContext());
    assert.deepEqual(
      bicepParam.findings.filter((finding) => finding.code === 'parameters-file-not-read').map((finding) => finding.message.replace(/\d+/g, 'N')),
      [
        "The parameters file 'prod.bicepparam' was not read: it has N bytes, more than the limit of N (setting apimStudio.maxFileSizeKB). If it supplies this template, the template is analysed without its values (parameter defaults only).",
      ],
    );
  });

  test('server: a parameters file that is not read is a warning on the template (the skip is also logged)', { skip: !POSIX }, async () => {
    const outside = writeWorkspace({ 'main.parameters.json': '{"parameters":{}}' });
    const dir = writeWorkspace({ 'main.bicep': BICEP_TEMPLATE });
    symlinkSync(join(outside, 'main.parameters.json'), join(dir, 'main.parameters.json'));
    const client = new LspTestClient();
    try {
      await client.initialize(dir);
      const diagnostics = await client.open(pathToFileURL(join(dir, 'main.bicep')).href, BICEP_TEMPLATE, 'bicep');
      const notRead = diagnostics.filter((diagnostic) => diagnostic.code === 'parameters-file-not-read');
      assert.deepEqual(
        notRead.map((diagnostic) => diagnostic.severity),
        [2],
      );
      assert.match(notRead[0].message, /outside the folders being read/);
    } finally {
      await client.shutdown();
    }
  });
});
