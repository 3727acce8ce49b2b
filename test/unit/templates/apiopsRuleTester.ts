import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/findings/finding';
import type { Environment } from '../../../server/src/engine/rules/policyRule';
import { runTemplateRules } from '../../../server/src/engine/templates/analyseTemplate';
import { apiopsArtifactPosition } from '../../../server/src/engine/templates/apiops/apiopsArtifactPosition';
import { readApiopsArtifact } from '../../../server/src/engine/templates/apiops/apiopsArtifactTemplate';
import type { TemplateRule } from '../../../server/src/engine/templates/templateRule';
import { extractMarkedSpans } from '../../support/ruleTester';

/** Runs one template rule on an APIOps information file at `path` (an artifact-root-relative path such as `backends/b/backendInformation.json`). */
export function runApiopsRule(rule: TemplateRule, path: string, text: string, environment: Environment = 'production'): Finding[] {
  const position = apiopsArtifactPosition(path);
  assert.ok(position, `${path} is at an APIOps position`);
  const { findings, failures } = runTemplateRules(readApiopsArtifact(text, position), [rule], { environment, levelOf: (_id, severity) => severity });
  assert.deepEqual(failures, []);
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans of the artifact, in order. */
export function expectApiopsFindingsAt(rule: TemplateRule, path: string, marked: string): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runApiopsRule(rule, path, text);
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    spans.map((span) => text.slice(span.start, span.end)),
  );
  assert.deepEqual(findings.map((finding) => finding.span), spans);
  return { text, findings };
}
