import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_CHAIN_RULES } from '../../../server/src/engine/rules/policyChainRules';
import { POLICY_DOCUMENT_RULES } from '../../../server/src/engine/rules/policyDocumentRules';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/templateRules';
import type { RuleMeta } from '../../../server/src/engine/rules/ruleMeta';
import { looseFindings, MemoryWorkspace } from '../../../server/src/testing/memoryWorkspace';
import { runRule } from '../../../server/src/testing/ruleTester';
import { runTemplateRule } from '../../../server/src/testing/ruleTester';
import { REPO_ROOT } from '../../support/paths';
import type { DocumentScope } from '../../../server/src/engine/policy/policyVocabulary';

const RULE_DOCS = join(REPO_ROOT, 'docs', 'rules');
const RULES = join(REPO_ROOT, 'server', 'src', 'engine', 'rules');

interface DocumentedRule {
  readonly meta: RuleMeta;
  readonly folder: string;
  /** How many findings the rule makes on an example (an xml, json or bicep block), run as the engine would. */
  findingsOn(text: string, scope: DocumentScope | undefined, language: string, workspace: ExampleWorkspace | undefined): number;
}

const DOCUMENTED_RULES: DocumentedRule[] = [
  ...POLICY_DOCUMENT_RULES.map((rule) => ({
    meta: rule.meta,
    folder: 'policy',
    findingsOn: (text: string, scope: DocumentScope | undefined) => runRule(rule, text, { scope }).length,
  })),
  ...POLICY_CHAIN_RULES.map((rule) => ({
    meta: rule.meta,
    folder: 'chain',
    // With workspace files, the example is an API's policy in that workspace; otherwise a loose document.
    findingsOn: (text: string, _scope: DocumentScope | undefined, _language: string, workspace: ExampleWorkspace | undefined) =>
      workspace
        ? new MemoryWorkspace({ ...workspace.files, [workspace.examplePath]: text }).findingsOf(rule.meta.id, workspace.examplePath).length
        : looseFindings(rule.meta.id, text).length,
  })),
  ...TEMPLATE_RULES.map((rule) => ({
    meta: rule.meta,
    folder: 'template',
    findingsOn: (text: string, _scope: DocumentScope | undefined, language: string) =>
      runTemplateRule(rule, language === 'bicep' ? 'bicep' : 'arm', text).length,
  })),
];

/** Workspace files a chain rule's example runs among, and where the example itself goes. */
interface ExampleWorkspace {
  readonly files: Record<string, string>;
  readonly examplePath: string;
}

/**
 * The files of the json block under `### Workspace` (workspace-relative path -> JSON content), if the page
 * has one; the example is the policy at `example-path` (front matter), by default an API's policy.
 */
function workspaceOf(markdown: string): ExampleWorkspace | undefined {
  const block = exampleUnder(markdown, 'Workspace');
  if (block?.language !== 'json') return undefined;
  const files = JSON.parse(block.text) as Record<string, unknown>;
  return {
    files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, JSON.stringify(content)])),
    examplePath: /^example-path: (.+)$/m.exec(markdown)?.[1]?.trim() ?? 'apis/example/policy.xml',
  };
}

/** The first fenced xml, json or bicep block under the given `### heading`, with its language. */
function exampleUnder(markdown: string, heading: string): { text: string; language: string } | undefined {
  const start = markdown.indexOf(`### ${heading}`);
  if (start === -1) return undefined;
  const match = /```(xml|json|bicep)\n([\s\S]*?)```/.exec(markdown.slice(start));
  return match ? { text: match[2], language: match[1] } : undefined;
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
      assert.ok(failing, 'a "### Fails" example is required');
      assert.ok(passing, 'a "### Passes" example is required');
      const scope = /^example-scope: (\w+)$/m.exec(markdown)?.[1] as DocumentScope | undefined;
      const workspace = workspaceOf(markdown);
      assert.ok(rule.findingsOn(failing.text, scope, failing.language, workspace) > 0, 'the failing example must trigger the rule');
      assert.equal(rule.findingsOn(passing.text, scope, passing.language, workspace), 0, 'the passing example must not trigger the rule');
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
    const pages = readdirSync(RULE_DOCS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3));
    assert.deepEqual(
      pages.filter((page) => !ids.includes(page)),
      [],
    );
  });
});
