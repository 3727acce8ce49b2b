import type { Finding } from '../findings/finding';
import { ruleMetaById } from '../rules/ruleCatalog';
import type { Span } from '../text/span';

/** The first sentence of a rule's guidance: its one line of why. */
function whyLine(guidance: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(guidance.trim());
  return (match ? match[0] : guidance.trim()).replace(/\s+/g, ' ');
}

/** The rule findings whose range holds the offset, one per rule (several chains often report the same rule). */
export function ruleFindingsAt(findings: readonly Finding[], offset: number): Finding[] {
  const byRule = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.kind !== 'rule' || offset < finding.span.start || offset > finding.span.end) continue;
    if (!byRule.has(finding.code)) byRule.set(finding.code, finding);
  }
  return [...byRule.values()];
}

/**
 * One line of why per rule with a finding under the cursor. The editor shows each finding's message itself, so the
 * hover adds only the why and stays short however many findings share a tag.
 */
export function findingsHoverMarkdown(findings: readonly Finding[]): string | undefined {
  const lines = findings.flatMap((finding) => {
    const meta = ruleMetaById(finding.code);
    return meta ? [`- \`${finding.code}\`: ${whyLine(meta.guidance)}`] : [];
  });
  return lines.length > 0 ? ['**Why it matters**', '', ...lines].join('\n') : undefined;
}

/** The span covering every finding, for a hover that has no span of its own. */
export function spanOfFindings(findings: readonly Finding[]): Span | undefined {
  if (findings.length === 0) return undefined;
  return { start: Math.min(...findings.map((finding) => finding.span.start)), end: Math.max(...findings.map((finding) => finding.span.end)) };
}

/**
 * The hover where findings sit: the documentation shrinks to its title and link (the full text is one hover away on a
 * clean tag) and the why of each rule follows.
 */
export function hoverWithFindings(documentation: string | undefined, findings: readonly Finding[]): string | undefined {
  const why = findingsHoverMarkdown(findings);
  if (why === undefined) return documentation;
  if (documentation === undefined) return why;
  const lines = documentation.split('\n');
  const link = lines.filter((line) => /^\[Documentation\]\(/.test(line));
  return [lines[0], '', ...link, ...(link.length > 0 ? [''] : []), why].join('\n');
}
