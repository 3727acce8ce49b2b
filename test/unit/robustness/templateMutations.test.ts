import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { findingViolations, UNLIMITED_CONTEXT } from '../../fuzz/documentInvariants';
import { mutateDocument } from '../../fuzz/mutations';
import { seededRandom } from '../../fuzz/seededRandom';
import { corpusFiles, readCorpusText } from '../../support/corpus';
import { FIXTURES } from '../../support/paths';

const CASES_PER_SOURCE = 150;
/** Template-specific characters worth inserting besides the policy ones the mutator knows. */
const TEMPLATE_TOKENS = ["'''", '${', '"', '\\', '[', '{', '/*'];

/** Analyses a mutated template and lists broken invariants: an exception, a contained internal error, a range outside the text. */
function violations(path: string, text: string, analysedKinds: string[]): string[] {
  try {
    const analysis = analyseDocument({ path, text }, UNLIMITED_CONTEXT);
    if (analysis.kindId) analysedKinds.push(analysis.kindId);
    const internal = analysis.findings.filter((finding) => finding.code === 'internal-error').map((finding) => finding.message);
    const failures = analysis.failures.map((failure) => `rule ${failure.ruleId} threw`);
    return [...findingViolations(analysis.findings, text.length), ...internal, ...failures];
  } catch (error) {
    return [`threw: ${String(error)}`];
  }
}

test('seeded mutations of Bicep and ARM templates never throw, never fail a rule, and keep every range inside the text', () => {
  const sources = [
    { path: '/fuzz/apim-full.bicep', text: readFileSync(join(FIXTURES, 'bicep', 'apim-full.bicep'), 'utf8') },
    { path: '/fuzz/apim.bicep', text: readFileSync(join(FIXTURES, 'templates', 'apim.bicep'), 'utf8') },
    ...corpusFiles('arm-json')
      .map((file) => ({ path: `/fuzz/${file.relativePath}`, text: readCorpusText(file) }))
      .filter((source) => source.text.length < 60_000)
      .slice(0, 6),
  ];
  const random = seededRandom(20261126);
  const problems: string[] = [];
  let cases = 0;
  const analysedKinds: string[] = [];
  for (const source of sources) {
    for (let index = 0; index < CASES_PER_SOURCE; index++) {
      let { text } = mutateDocument(source.text, random);
      const at = Math.floor(random() * (text.length + 1));
      text = text.slice(0, at) + TEMPLATE_TOKENS[Math.floor(random() * TEMPLATE_TOKENS.length)] + text.slice(at);
      cases++;
      for (const problem of violations(source.path, text, analysedKinds)) problems.push(`${source.path} case ${index}: ${problem}`);
    }
  }
  console.log(`templates: ${cases} mutated documents from ${sources.length} sources, ${analysedKinds.length} still read as templates`);
  assert.ok(analysedKinds.length > cases / 2, 'most mutated documents must still be analysed as templates');
  assert.deepEqual(problems.slice(0, 10), []);
});

test('seeded mutations of Terraform files never throw, never fail a rule, and keep every range inside the text', () => {
  const sources = [
    { path: '/fuzz/main.tf', text: readFileSync(join(FIXTURES, 'terraform', 'apim.tf'), 'utf8') },
    ...corpusFiles('terraform')
      .map((file) => ({ path: `/fuzz/${file.relativePath}`, text: readCorpusText(file) }))
      .filter((source) => /azurerm_api_management|Microsoft\.ApiManagement\//.test(source.text) && source.text.length < 60_000)
      .slice(0, 6),
  ];
  const tokens = ['<<EOT\n', '<<-XML\n', '${', '%{', '$${', '"', '\\', '#', '{', '}', '[', '(', '= '];
  const random = seededRandom(20261202);
  const problems: string[] = [];
  let cases = 0;
  const analysedKinds: string[] = [];
  for (const source of sources) {
    for (let index = 0; index < CASES_PER_SOURCE; index++) {
      let { text } = mutateDocument(source.text, random);
      const at = Math.floor(random() * (text.length + 1));
      text = text.slice(0, at) + tokens[Math.floor(random() * tokens.length)] + text.slice(at);
      cases++;
      for (const problem of violations(source.path, text, analysedKinds)) problems.push(`${source.path} case ${index}: ${problem}`);
    }
  }
  console.log(`terraform: ${cases} mutated documents from ${sources.length} sources`);
  assert.ok(analysedKinds.filter((kind) => kind === 'terraform').length > cases / 2, 'most mutated documents must still be analysed as Terraform');
  assert.deepEqual(problems.slice(0, 10), []);
});
