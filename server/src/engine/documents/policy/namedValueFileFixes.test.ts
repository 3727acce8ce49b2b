import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../../testing/memoryWorkspace';

const SECRET_POLICY =
  '<policies>\n  <inbound>\n    <base />\n    <authentication-basic username="svc" password="S3cr3t-P4ssw0rd!" />\n  </inbound>\n</policies>\n';

test('in an APIOps tree, a secret moves to a new Key Vault named value whose artifact file the fix creates', () => {
  const workspace = new MemoryWorkspace({
    'named values/existing/namedValueInformation.json': '{ "properties": { "displayName": "existing", "value": "x" } }',
    'apis/orders/apiInformation.json': '{ "properties": { "subscriptionRequired": true } }',
    'apis/orders/policy.xml': SECRET_POLICY,
  });
  const [finding] = workspace.findingsOf('secret-in-policy', 'apis/orders/policy.xml');
  assert.ok(finding, 'the secret is reported');
  const created = finding.fixes.find((fix) => fix.createFiles !== undefined);
  assert.ok(created, finding.fixes.map((fix) => fix.title).join(' | '));
  const [file] = created.createFiles ?? [];
  const name = /^\{\{(.+)\}\}$/.exec(created.edits[0].newText)?.[1] ?? '';
  assert.equal(file.path, `/memory/ws/named values/${name}/namedValueInformation.json`);
  assert.deepEqual(JSON.parse(file.text), {
    properties: { displayName: name, secret: true, keyVault: { secretIdentifier: `https://<your-key-vault>.vault.azure.net/secrets/${name}` } },
  });
  assert.ok(!file.text.includes('S3cr3t'), 'the secret itself is never written to the new file');
  assert.equal(created.isPreferred, false);
});

test('outside an APIOps tree there is no file to create', () => {
  const workspace = new MemoryWorkspace({ 'loose.policy.xml': SECRET_POLICY });
  const [finding] = workspace.findingsOf('secret-in-policy', 'loose.policy.xml');
  assert.ok(finding);
  assert.ok(finding.fixes.every((fix) => fix.createFiles === undefined));
});
