import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_CHAIN_RULES } from '../../../server/src/engine/rules/policyChainRules';
import { POLICY_DOCUMENT_RULES } from '../../../server/src/engine/rules/policyDocumentRules';
import type { RuleMeta } from '../../../server/src/engine/rules/ruleMeta';
import type { DocumentScope } from '../../../server/src/engine/schema/schemaContext';
import { looseFindings } from '../../support/memoryWorkspace';
import { runRule } from '../../support/ruleTester';
import { REPO_ROOT } from '../../support/paths';

const RULE_DOCS = join(REPO_ROOT, 'docs', 'rules');
const RULES = join(REPO_ROOT, 'server', 'src', 'engine', 'rules');

interface DocumentedRule {
  readonly meta: RuleMeta;
  readonly folder: string;
  /** How many findings the rule makes on an example, run as the engine would. */
  findingsOn(text: string, scope: DocumentScope | undefined): number;
}

const DOCUMENTED_RULES: DocumentedRule[] = [
  ...POLICY_DOCUMENT_RULES.map((rule) => ({ meta: rule.meta, folder: 'policy', findingsOn: (text: string, scope: DocumentScope | undefined) => runRule(rule, text, { scope }).length })),
  ...POLICY_CHAIN_RULES.map((rule) => ({ meta: rule.meta, folder: 'chain', findingsOn: (text: string) => looseFindings(rule.meta.id, text).length })),
];

/** The first fenced xml block under the given `### heading`. */
function exampleUnder(markdown: string, heading: string): string | undefined {
  const start = markdown.indexOf(`### ${heading}`);
  if (start === -1) return undefined;
  const match = /```xml\n([\s\S]*?)```/.exec(markdown.slice(start));
  return match?.[1];
}

describe('rule documentation and tests', () => {
  for (const rule of DOCUMENTED_RULES) {
    const id = rule.meta.id;
    test(`${id}: docs exist, name the rule, and their examples behave`, () => {
      const path = join(RULE_DOCS, `${id}.md`);
      assert.ok(existsSync(path), `docs/rules/${id}.md is missing`);
      const markdown = readFileSync(path, 'utf8');
      assert.match(markdown, new RegExp(`^# ${id}$`, 'm'));
      assert.match(markdown, new RegExp(`^severity: ${rule.meta.defaultSeverity}$`, 'm'));
      const failing = exampleUnder(markdown, 'Fails');
      const passing = exampleUnder(markdown, 'Passes');
      assert.ok(failing, 'a "### Fails" xml example is required');
      assert.ok(passing, 'a "### Passes" xml example is required');
      const scope = /^example-scope: (\w+)$/m.exec(markdown)?.[1] as DocumentScope | undefined;
      assert.ok(rule.findingsOn(failing, scope) > 0, 'the failing example must trigger the rule');
      assert.equal(rule.findingsOn(passing, scope), 0, 'the passing example must not trigger the rule');
    });
    test(`${id}: has a test file beside it and guidance of two to five sentences`, () => {
      assert.ok(existsSync(join(RULES, rule.folder, `${id}.ts`)), `rule file ${rule.folder}/${id}.ts`);
      assert.ok(existsSync(join(RULES, rule.folder, `${id}.test.ts`)), `rule test ${rule.folder}/${id}.test.ts`);
      const sentences = rule.meta.guidance.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
      assert.ok(sentences.length >= 2 && sentences.length <= 5, `guidance has ${sentences.length} sentences`);
    });
  }

  test('every rule id is unique and kebab-case, and every docs page belongs to a rule', () => {
    const ids = DOCUMENTED_RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
    const pages = readdirSync(RULE_DOCS).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
    assert.deepEqual(
      pages.filter((page) => !ids.includes(page)),
      [],
    );
  });
});
