import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYSIS_CODES } from '../../../server/src/engine/analysis/analyseDocument';
import { SYNTAX_CODES } from '../../../server/src/engine/policy/policyParser';
import { BICEP_SYNTAX_CODES } from '../../../server/src/engine/templates/bicep/bicepSyntaxFindings';
import { HCL_SYNTAX_CODES } from '../../../server/src/engine/templates/terraform/hclSyntaxFindings';
import { REPO_ROOT } from '../../support/paths';

test('every syntax code has a section in docs/syntax.md, and every section is a code', () => {
  const headings = readFileSync(join(REPO_ROOT, 'docs', 'syntax.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).trim());
  const documented = new Set(headings);
  const expected: string[] = [...SYNTAX_CODES, ...BICEP_SYNTAX_CODES, ...HCL_SYNTAX_CODES, ...ANALYSIS_CODES];
  assert.deepEqual(
    expected.filter((code) => !documented.has(code)),
    [],
  );
  assert.deepEqual(
    headings.filter((heading) => !expected.includes(heading)),
    [],
  );
});
