import { POLICY_SECTIONS } from '../../../server/src/engine/policy/policyVocabulary';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPolicy, policyStatements } from '../../../server/src/engine/catalog/catalog';
import type { PolicyDefinition } from '../../../server/src/engine/catalog/policyDefinition';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { validatePolicySchema } from '../../../server/src/engine/schema/validatePolicySchema';
import type { SchemaContext } from '../../../server/src/engine/schema/schemaContext';
import { REPO_ROOT } from '../../support/paths';
import { expandSnippet } from './snippetBody';

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

const SNIPPETS_PATH = join(REPO_ROOT, 'snippets', 'apim-policy.code-snippets');
const CATALOG_JSON = resolve(REPO_ROOT, '..', 'shared', 'reference', 'policy-catalog.json');
const SKELETON_PREFIXES = ['policies-global', 'policies', 'fragment'];

const snippets = Object.values(JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>);
const byPrefix = new Map(snippets.map((snippet) => [snippet.prefix, snippet]));

function expandedText(snippet: Snippet): string {
  return expandSnippet(snippet.body.join('\n')).text;
}

function messages(text: string, context: SchemaContext): string[] {
  const { document, findings } = parsePolicy(text);
  return [...findings, ...validatePolicySchema(document, context)].map((finding) => `${finding.code}: ${finding.message}`);
}

/** Documents that place a policy snippet where the catalog says it may go. */
function placements(definition: PolicyDefinition, snippetText: string): string[] {
  if (definition.context === 'graphql-resolver') return [snippetText];
  if (definition.context === 'graphql-resolver-response') {
    return [
      '<http-data-source><http-request><set-method>POST</set-method><set-url>https://example.com</set-url></http-request>' +
        `<http-response>${snippetText}</http-response></http-data-source>`,
    ];
  }
  return definition.sections.map((section) => {
    const sections = POLICY_SECTIONS.map((name) => (name === section ? `<${name}>\n${snippetText}\n</${name}>` : `<${name} />`));
    return `<policies>\n${sections.join('\n')}\n</policies>`;
  });
}

test('prefixes are unique and every snippet has a one-line description', () => {
  assert.equal(byPrefix.size, snippets.length);
  for (const snippet of snippets) {
    assert.ok(snippet.description.length > 10 && snippet.description.length <= 100, snippet.prefix);
    assert.ok(!snippet.description.includes('\n'), snippet.prefix);
  }
});

test('every policy in the engine catalog has a snippet whose root element is that policy', () => {
  const missing = policyStatements()
    .map((definition) => definition.name)
    .filter((name) => !byPrefix.has(name));
  assert.deepEqual(missing, []);
  for (const definition of policyStatements()) {
    const text = expandedText(byPrefix.get(definition.name) as Snippet);
    assert.match(text, new RegExp(`^<${definition.name}[\\s/>]`), definition.name);
    assert.match(text, new RegExp(`(</${definition.name}>|/>)$`), definition.name);
  }
});

test('every snippet prefix is a policy or a skeleton', () => {
  const unknown = [...byPrefix.keys()].filter((prefix) => !SKELETON_PREFIXES.includes(prefix) && findPolicy(prefix)?.kind !== 'policy');
  assert.deepEqual(unknown, []);
});

test('every policy name in the shared reference catalog has a snippet', (t) => {
  if (!existsSync(CATALOG_JSON)) {
    t.skip('../shared/reference/policy-catalog.json not found');
    return;
  }
  const catalog = JSON.parse(readFileSync(CATALOG_JSON, 'utf8')) as { name: string; structural?: boolean }[];
  const missing = catalog.filter((entry) => !entry.structural && !byPrefix.has(entry.name)).map((entry) => entry.name);
  assert.deepEqual(missing, []);
});

test('tab stops run 1..n without gaps, each numbered once', () => {
  for (const snippet of snippets) {
    const numbered = expandSnippet(snippet.body.join('\n')).tabStops.filter((stop) => stop !== 0);
    assert.deepEqual(
      numbered,
      numbered.map((_, index) => index + 1),
      snippet.prefix,
    );
  }
});

test('every policy snippet, with its defaults, parses cleanly and passes schema checks in a section it may go in', () => {
  for (const definition of policyStatements()) {
    const text = expandedText(byPrefix.get(definition.name) as Snippet);
    assert.deepEqual(
      messages(text, {}).filter((message) => message.startsWith('xml-')),
      [],
      `${definition.name} alone`,
    );
    const attempts = placements(definition, text).map((document) => messages(document, {}));
    assert.ok(
      attempts.some((found) => found.length === 0),
      `${definition.name}: ${attempts[0]?.join('; ')}`,
    );
  }
});

test('the document skeletons are clean at the scope they are meant for', () => {
  const cases: [string, SchemaContext][] = [
    ['policies-global', { scope: 'global' }],
    ['policies', { scope: 'api' }],
    ['policies', { scope: 'operation' }],
    ['fragment', { scope: 'fragment' }],
  ];
  for (const [prefix, context] of cases) {
    const snippet = byPrefix.get(prefix);
    assert.ok(snippet, prefix);
    assert.deepEqual(messages(expandedText(snippet), context), [], `${prefix} at ${context.scope}`);
  }
  assert.doesNotMatch(expandedText(byPrefix.get('policies-global') as Snippet), /<base/);
  assert.equal(expandedText(byPrefix.get('policies') as Snippet).match(/<base \/>/g)?.length, 4);
});
