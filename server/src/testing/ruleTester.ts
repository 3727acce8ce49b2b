import assert from 'node:assert/strict';
import type { Finding, Fix } from '../engine/findings/finding';
import { parsePolicy } from '../engine/policy/policyParser';
import type { Environment, PolicyDocumentRule } from '../engine/rules/policyRule';
import { runPolicyDocumentRules } from '../engine/rules/runPolicyDocumentRules';
import { runTemplateRules } from '../engine/rules/runTemplateRules';
import type { TemplateRule } from '../engine/rules/templateRule';
import type { PolicySection } from '../engine/policy/policyVocabulary';
import { apiopsArtifactPosition } from '../engine/templates/apiops/apiopsArtifactPosition';
import { readApiopsArtifact } from '../engine/templates/apiops/apiopsArtifactTemplate';
import { readArmTemplate } from '../engine/templates/arm/armTemplate';
import { readBicepTemplate } from '../engine/templates/bicepTemplate';
import { readTerraformTemplate } from '../engine/templates/terraformTemplate';
import type { TemplateModel } from '../engine/templates/templateModel';
import type { DocumentScope } from '../engine/policy/policyVocabulary';

/**
 * One tester for every kind of rule: a fixture marks the expected finding spans with ⟦…⟧, the rule runs
 * alone at its default level, and the findings must land exactly on the marks, in document order.
 */

export interface RuleTestOptions {
  readonly scope?: DocumentScope;
  readonly environment?: Environment;
  /** What the folder says of the parent scopes' sections (see PolicyDocumentContext). */
  readonly parentSectionDrops?: (section: PolicySection) => boolean | undefined;
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** Removes ⟦…⟧ markers from a fixture and returns the clean text and the marked spans, in order. */
export function extractMarkedSpans(marked: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let openAt = -1;
  for (const char of marked) {
    if (char === OPEN) openAt = text.length;
    else if (char === CLOSE) {
      spans.push({ start: openAt, end: text.length });
      openAt = -1;
    } else text += char;
  }
  return { text, spans };
}

/** Applies a fix's edits (non-overlapping) to the text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

const EVERY_RULE_AT_DEFAULT = (environment: Environment) => ({ environment, levelOf: (_id: string, severity: Finding['severity']) => severity });

/** Asserts the findings sit exactly on the marked spans (text first, for a readable failure) and come from the rule. */
function assertAtMarks(findings: readonly Finding[], text: string, spans: readonly { start: number; end: number }[], ruleId: string): void {
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    spans.map((span) => text.slice(span.start, span.end)),
  );
  assert.deepEqual(
    findings.map((finding) => finding.span),
    spans,
  );
  for (const finding of findings) assert.equal(finding.code, ruleId);
}

/** Runs one rule alone on a policy document, as the engine would. The document must be free of syntax errors. */
export function runRule(rule: PolicyDocumentRule, text: string, options: RuleTestOptions = {}): Finding[] {
  const { document, findings: syntax } = parsePolicy(text);
  assert.deepEqual(
    syntax.map((finding) => finding.code),
    [],
    'the rule fixture has syntax errors',
  );
  const input = { text, document, scope: options.scope, ...(options.parentSectionDrops ? { parentSectionDrops: options.parentSectionDrops } : {}) };
  const { findings, failures } = runPolicyDocumentRules(input, [rule], EVERY_RULE_AT_DEFAULT(options.environment ?? 'production'));
  assert.deepEqual(failures, []);
  return findings;
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans, and returns the findings for further checks. */
export function expectFindingsAt(rule: PolicyDocumentRule, marked: string, options: RuleTestOptions = {}): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runRule(rule, text, options);
  assertAtMarks(findings, text, spans, rule.meta.id);
  return { text, findings };
}

export function expectNoFindings(rule: PolicyDocumentRule, text: string, options: RuleTestOptions = {}): void {
  assert.deepEqual(
    runRule(rule, text, options).map((finding) => finding.message),
    [],
  );
}

/** The template languages the tester reads fixtures in. */
export type FixtureDialect = 'arm' | 'bicep' | 'terraform';

export function readTemplate(dialect: FixtureDialect, text: string): TemplateModel {
  if (dialect === 'terraform') return readTerraformTemplate('/fixture/main.tf', text);
  return dialect === 'arm' ? readArmTemplate(text) : readBicepTemplate(text);
}

function runTemplateRuleOn(rule: TemplateRule, model: TemplateModel, environment: Environment): Finding[] {
  const { findings, failures } = runTemplateRules(model, [rule], EVERY_RULE_AT_DEFAULT(environment));
  assert.deepEqual(failures, []);
  // In document order, as the analysis reports them.
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** Runs one template rule alone, as the engine would (every rule at its default level). */
export function runTemplateRule(rule: TemplateRule, dialect: FixtureDialect, text: string, environment: Environment = 'production'): Finding[] {
  const model = readTemplate(dialect, text);
  assert.deepEqual(
    model.syntaxFindings.map((finding) => finding.code),
    [],
    'the template fixture has syntax errors',
  );
  return runTemplateRuleOn(rule, model, environment);
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans, in order. */
export function expectTemplateFindingsAt(
  rule: TemplateRule,
  dialect: FixtureDialect,
  marked: string,
  environment: Environment = 'production',
): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runTemplateRule(rule, dialect, text, environment);
  assertAtMarks(findings, text, spans, rule.meta.id);
  return { text, findings };
}

export function expectNoTemplateFindings(rule: TemplateRule, dialect: FixtureDialect, text: string, environment: Environment = 'production'): void {
  assert.deepEqual(
    runTemplateRule(rule, dialect, text, environment).map((finding) => finding.message),
    [],
  );
}

/** A minimal ARM template around the given resources (JSON text of the array items, indented by 4). */
export function armTemplate(resources: string): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}`;
}

/** Runs one template rule on an APIOps information file at `path` (an artifact-root-relative path such as `backends/b/backendInformation.json`). */
export function runApiopsRule(rule: TemplateRule, path: string, text: string, environment: Environment = 'production'): Finding[] {
  const position = apiopsArtifactPosition(path);
  assert.ok(position, `${path} is at an APIOps position`);
  return runTemplateRuleOn(rule, readApiopsArtifact(text, position), environment);
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans of the artifact, in order. */
export function expectApiopsFindingsAt(rule: TemplateRule, path: string, marked: string): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runApiopsRule(rule, path, text);
  assertAtMarks(findings, text, spans, rule.meta.id);
  return { text, findings };
}
