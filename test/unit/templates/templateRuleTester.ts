import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/findings/finding';
import type { Environment } from '../../../server/src/engine/rules/policyRule';
import { runTemplateRules } from '../../../server/src/engine/templates/analyseTemplate';
import { readArmTemplate } from '../../../server/src/engine/templates/arm/armTemplate';
import { readBicepTemplate } from '../../../server/src/engine/templates/bicepTemplate';
import type { TemplateDialect, TemplateModel } from '../../../server/src/engine/templates/templateModel';
import type { TemplateRule } from '../../../server/src/engine/templates/templateRule';
import { extractMarkedSpans } from '../../support/ruleTester';

export function readTemplate(dialect: TemplateDialect, text: string): TemplateModel {
  return dialect === 'arm' ? readArmTemplate(text) : readBicepTemplate(text);
}

/** Runs one template rule alone, as the engine would (every rule at its default level). */
export function runTemplateRule(rule: TemplateRule, dialect: TemplateDialect, text: string, environment: Environment = 'production'): Finding[] {
  const model = readTemplate(dialect, text);
  assert.deepEqual(model.syntaxFindings.map((finding) => finding.code), [], 'the template fixture has syntax errors');
  const { findings, failures } = runTemplateRules(model, [rule], { environment, levelOf: (_id, severity) => severity });
  assert.deepEqual(failures, []);
  // In document order, as the analysis reports them.
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans, in order. */
export function expectTemplateFindingsAt(rule: TemplateRule, dialect: TemplateDialect, marked: string, environment: Environment = 'production'): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runTemplateRule(rule, dialect, text, environment);
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    spans.map((span) => text.slice(span.start, span.end)),
  );
  assert.deepEqual(findings.map((finding) => finding.span), spans);
  for (const finding of findings) assert.equal(finding.code, rule.meta.id);
  return { text, findings };
}

export function expectNoTemplateFindings(rule: TemplateRule, dialect: TemplateDialect, text: string, environment: Environment = 'production'): void {
  assert.deepEqual(runTemplateRule(rule, dialect, text, environment).map((finding) => finding.message), []);
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
