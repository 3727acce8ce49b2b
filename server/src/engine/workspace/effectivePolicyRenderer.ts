import type { EffectivePolicy, EffectiveSection } from './effectivePolicy';
import { CONTAINER_POLICIES, type EffectiveStatement } from './effectiveStatement';
import { POLICY_SECTIONS } from '../policy/policyVocabulary';
import { appendAll } from '../collections/appendAll';

const INDENT = '  ';

/**
 * Readable XML of an effective policy (the "APIM: Show Effective Policy" document). Statements are
 * copied from their source text; a comment names the scope and file each run of statements came from,
 * and notes say which inherited statements a missing `<base />` throws away.
 */
export function renderEffectivePolicy(policy: EffectivePolicy): string {
  const { chain } = policy;
  const target = chain.levels[chain.levels.length - 1];
  const lines: string[] = [];
  lines.push(comment(`Effective policy of ${target?.label ?? 'an empty chain'}, ${chain.name}. Read-only.`));
  const path = chain.levels.map((level) => `${level.label} (${level.policyPath ?? 'no policy file'})`).join(' > ');
  lines.push(comment(`Scopes: ${path}`));
  for (const problem of policy.problems) lines.push(comment(`Problem in ${problem.documentPath}: ${problem.message}`));
  lines.push('<policies>');
  for (const section of POLICY_SECTIONS) renderSection(policy.sections[section], lines);
  lines.push('</policies>');
  return `${lines.join('\n')}\n`;
}

/**
 * The whole virtual document for one policy file: every chain's effective policy one after another,
 * or a note when the file has no chain of its own (a fragment runs wherever it is included).
 */
export function renderEffectivePolicies(policies: readonly EffectivePolicy[]): string {
  if (policies.length === 0) {
    return `${comment('This document has no effective policy of its own: a fragment runs inside the policies that include it.')}\n`;
  }
  return policies.map(renderEffectivePolicy).join('\n');
}

function renderSection(section: EffectiveSection, lines: string[]): void {
  const notes: string[] = [];
  for (const contribution of section.contributions) {
    if (contribution.dropped.length === 0) continue;
    const cause =
      contribution.state === 'section-missing'
        ? `${contribution.level.label} has no <${section.section}> section`
        : `${contribution.level.label} has no <base /> in <${section.section}>`;
    notes.push(`${cause}, so these inherited statements do not run: ${droppedSummary(contribution.dropped)}.`);
  }
  if (section.statements.length === 0 && notes.length === 0) {
    lines.push(`${INDENT}<${section.section} />`);
    return;
  }
  lines.push(`${INDENT}<${section.section}>`);
  for (const note of notes) lines.push(`${INDENT}${INDENT}${comment(note)}`);
  renderStatements(section.statements, 2, undefined, lines);
  lines.push(`${INDENT}</${section.section}>`);
}

function renderStatements(statements: readonly EffectiveStatement[], depth: number, enclosingOrigin: string | undefined, lines: string[]): void {
  const indent = INDENT.repeat(depth);
  let previousOrigin = enclosingOrigin;
  for (const statement of statements) {
    const origin = originOf(statement);
    if (origin !== previousOrigin) lines.push(`${indent}${comment(origin)}`);
    previousOrigin = origin;
    if (CONTAINER_POLICIES.has(statement.name) && !statement.element.selfClosing) {
      const { text } = statement.document;
      appendAll(lines, reindent(text.slice(statement.element.startTagSpan.start, statement.element.startTagSpan.end), statement, indent));
      renderStatements(statement.children, depth + 1, origin, lines);
      lines.push(`${indent}</${statement.name}>`);
    } else {
      appendAll(lines, reindent(statement.document.text.slice(statement.element.span.start, statement.element.span.end), statement, indent));
    }
  }
}

const MAX_LISTED_DROPPED = 5;

/** `forward-request (global), quota (product gold) and 2 more`. */
function droppedSummary(dropped: readonly EffectiveStatement[]): string {
  const listed = dropped.slice(0, MAX_LISTED_DROPPED).map((statement) => `${statement.name} (${statement.level.label})`);
  const more = dropped.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

/** `from product starter: apis/…/policy.xml`, with the fragment inclusions in between. */
function originOf(statement: EffectiveStatement): string {
  const fragments = statement.includedVia.map((inclusion) => ` > fragment ${inclusion.fragmentId}`).join('');
  return `from ${statement.level.label}${fragments}: ${statement.documentPath}`;
}

/** Moves source text to a new indentation, keeping the relative indentation of its inner lines. */
function reindent(source: string, statement: EffectiveStatement, indent: string): string[] {
  const { text } = statement.document;
  const lineStart = text.lastIndexOf('\n', statement.element.span.start - 1) + 1;
  const leading = text.slice(lineStart, statement.element.span.start);
  const originalIndent = /^[ \t]*$/.test(leading) ? leading : '';
  return source.split(/\r?\n/).map((line, index) => {
    if (index === 0) return `${indent}${line}`;
    if (line.trim() === '') return '';
    const stripped = line.startsWith(originalIndent) ? line.slice(originalIndent.length) : line.trimStart();
    const relativeIndent = /^[ \t]*/.exec(stripped)?.[0] ?? '';
    return `${indent}${relativeIndent.replace(/\t/g, INDENT)}${stripped.slice(relativeIndent.length)}`;
  });
}

/** An XML comment; `--` is not allowed inside one. */
function comment(text: string): string {
  return `<!-- ${text.replace(/--/g, '- -')} -->`;
}
