import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/engine/findings/finding';
import { parsePolicy } from '../../server/src/engine/policy/policyParser';
import type { Environment, PolicyDocumentRule } from '../../server/src/engine/rules/policyRule';
import type { DocumentScope } from '../../server/src/engine/schema/schemaContext';
import { runPolicyDocumentRules } from '../../server/src/engine/rules/runPolicyDocumentRules';

export interface RuleTestOptions {
  readonly scope?: DocumentScope;
  readonly environment?: Environment;
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

/** Runs one rule alone on a policy document, as the engine would. The document must be free of syntax errors. */
export function runRule(rule: PolicyDocumentRule, text: string, options: RuleTestOptions = {}): Finding[] {
  const { document, findings: syntax } = parsePolicy(text);
  assert.deepEqual(
    syntax.map((finding) => finding.code),
    [],
    'the rule fixture has syntax errors',
  );
  const environment = options.environment ?? 'production';
  const { findings, failures } = runPolicyDocumentRules({ text, document, scope: options.scope }, [rule], {
    environment,
    levelOf: (_id, severity) => severity,
  });
  assert.deepEqual(failures, []);
  return findings;
}

/** Asserts the rule reports exactly at the ⟦marked⟧ spans, and returns the findings for further checks. */
export function expectFindingsAt(rule: PolicyDocumentRule, marked: string, options: RuleTestOptions = {}): { text: string; findings: Finding[] } {
  const { text, spans } = extractMarkedSpans(marked);
  const findings = runRule(rule, text, options);
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    spans.map((span) => text.slice(span.start, span.end)),
  );
  assert.deepEqual(
    findings.map((finding) => finding.span),
    spans,
  );
  for (const finding of findings) assert.equal(finding.code, rule.meta.id);
  return { text, findings };
}

export function expectNoFindings(rule: PolicyDocumentRule, text: string, options: RuleTestOptions = {}): void {
  assert.deepEqual(
    runRule(rule, text, options).map((finding) => finding.message),
    [],
  );
}

/** Applies a fix's edits (non-overlapping) to the text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
