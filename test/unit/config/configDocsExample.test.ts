import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA_URL } from '../../../server/src/engine/config/configJsonSchema';
import { parseConfig } from '../../../server/src/engine/config/parseConfig';
import { REPO_ROOT } from '../../support/paths';

/** The commented example of docs/configuration.md, as a user would paste it. */
function docsExample(): string {
  const docs = readFileSync(join(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');
  const match = /```jsonc\n([\s\S]*?)```/.exec(docs);
  assert.ok(match, 'docs/configuration.md has a jsonc example');
  return match[1];
}

test('the commented example of docs/configuration.md is accepted as it stands, and its $schema names the shipped schema', () => {
  const example = docsExample();
  assert.match(example, /\/\/ recommended \| strict \| all/);
  assert.deepEqual(parseConfig(example, new Date('2026-01-01')).findings, []);
  assert.ok(example.includes(`"$schema": "${CONFIG_SCHEMA_URL}"`));
  const repositoryPath = CONFIG_SCHEMA_URL.replace('https://raw.githubusercontent.com/apim-studio/apim-studio/main/', '');
  assert.ok(existsSync(join(REPO_ROOT, repositoryPath)), `${repositoryPath} is in the repository`);
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, repositoryPath), 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$id, CONFIG_SCHEMA_URL);
  assert.equal(schema.allowComments, true);
});

test('VS Code opens .apim-studio.json as JSON with comments and associates the schema', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; filenames?: string[] }[]; jsonValidation: { fileMatch: string; url: string }[] };
  };
  assert.ok(manifest.contributes.languages.some((language) => language.id === 'jsonc' && language.filenames?.includes('.apim-studio.json')));
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.apim-studio.json', url: './schemas/apim-studio.schema.json' }]);
  assert.ok(!manifest.contributes.languages.some((language) => language.id === 'bicep'), 'the bicep language belongs to the Bicep extension');
});
