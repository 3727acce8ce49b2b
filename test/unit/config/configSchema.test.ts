import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../../../server/src/engine/config/configJsonSchema';
import { REPO_ROOT } from '../../support/paths';

const SCHEMA_FILE = join(REPO_ROOT, 'schemas', 'apim-studio.schema.json');

test('schemas/apim-studio.schema.json matches the rule registry (APIM_UPDATE_SCHEMA=1 rewrites it)', () => {
  const expected = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
  if (process.env.APIM_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), expected, 'the config schema is stale: run `APIM_UPDATE_SCHEMA=1 npm test -- configSchema`');
});
