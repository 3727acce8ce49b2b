import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { validatePolicySchema } from '../../../server/src/engine/schema/validatePolicySchema';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { CORPUS_ROOT, FIXTURES } from '../../support/paths';
import { apiopsScope } from './apiopsScope';

/** A schema finding expected on a corpus file, with why the file really is wrong there. */
interface ExpectedFinding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
  readonly reason: string;
}

const EXPECTED_PATH = join(FIXTURES, 'schema', 'corpus-expected.json');

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

describe('schema validation on the real-world corpus', () => {
  test('reports only the findings listed, with a reason, in test/fixtures/schema/corpus-expected.json', { skip: CORPUS_SKIP }, () => {
    const files = corpusFiles('policy-xml');
    assert.ok(files.length > 300, `expected the corpus policies, found ${files.length}`);
    const actual: Array<Omit<ExpectedFinding, 'reason'>> = [];
    for (const file of files) {
      const text = readCorpusText(file);
      const scope = apiopsScope(file.relativePath, (folder) => existsSync(join(CORPUS_ROOT, folder, 'apis')));
      const findings = validatePolicySchema(parsePolicy(text).document, { scope, gateway: 'classic' });
      for (const finding of findings) {
        actual.push({ file: file.relativePath, line: lineOf(text, finding.span.start), code: finding.code, message: finding.message });
      }
    }
    const expected = JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as ExpectedFinding[];
    for (const entry of expected) assert.ok(entry.reason.trim().length > 10, `${entry.file}:${entry.line}: reason`);
    assert.deepEqual(
      actual,
      expected.map(({ reason: _reason, ...finding }) => finding),
    );
  });

  test('the scope of APIOps paths', () => {
    const noApis = () => false;
    assert.equal(apiopsScope('r/apimartifacts/apis/echo/policy.xml', noApis), 'api');
    assert.equal(apiopsScope('r/apimartifacts/apis/echo;rev=2/operations/get/policy.xml', noApis), 'operation');
    assert.equal(apiopsScope('r/apimartifacts/products/starter/policy.xml', noApis), 'product');
    assert.equal(apiopsScope('r/apimartifacts/policy fragments/f1/policy.xml', noApis), 'fragment');
    assert.equal(apiopsScope('r/apimartifacts/policyFragments/f1/policy.xml', noApis), 'fragment');
    assert.equal(
      apiopsScope('r/apimartifacts/policy.xml', (folder) => folder === 'r/apimartifacts'),
      'global',
    );
    assert.equal(apiopsScope('r/labs/policy.xml', noApis), undefined);
    assert.equal(apiopsScope('r/apis/echo/echo.policy.xml', noApis), undefined);
  });
});
