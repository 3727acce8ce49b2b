import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_CODES } from '../../../server/src/engine/schema/schemaCodes';
import { schemaDocsUrl } from '../../../server/src/engine/schema/schemaDocsUrl';
import { REPO_ROOT } from '../../support/paths';

test('docs/schema.md has one section per schema code, in the order of the code table', () => {
  const headings = readFileSync(join(REPO_ROOT, 'docs', 'schema.md'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).trim());
  assert.deepEqual(headings, SCHEMA_CODES);
  for (const code of SCHEMA_CODES) assert.match(code, /^[a-z]+(-[a-z]+)*$/);
});

test('schema docs links point at the code anchor in docs/schema.md', () => {
  assert.equal(schemaDocsUrl('unknown-element'), 'https://github.com/apim-studio/apim-studio/blob/main/docs/schema.md#unknown-element');
});
