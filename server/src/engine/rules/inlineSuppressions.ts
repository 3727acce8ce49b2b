import type { Finding } from '../findings/finding';
import type { XmlDocument, XmlNode } from '../policy/syntaxTree';
import type { LineMap } from '../text/lineMap';

/** `<!-- apim-studio-disable-next-line rule-id[, rule-id]: reason -->` */
const DIRECTIVE = /^\s*apim-studio-disable-next-line\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::\s*(.*?))?\s*$/s;

export interface InlineSuppression {
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** The line whose findings are suppressed (0-based): the line after the comment ends. */
  readonly line: number;
  readonly commentStart: number;
  readonly commentEnd: number;
}

/** The directive in one comment's text, or undefined when the comment is not one. */
function directiveIn(commentText: string, commentStart: number, commentEnd: number, lineMap: LineMap): InlineSuppression | undefined {
  const match = DIRECTIVE.exec(commentText);
  if (!match) return undefined;
  return {
    ruleIds: match[1].split(',').map((id) => id.trim()),
    reason: match[2] ?? '',
    line: lineMap.positionAt(commentEnd).line + 1,
    commentStart,
    commentEnd,
  };
}

/** Finds suppression directives in the XML comments of a policy document. */
export function inlineSuppressions(document: XmlDocument, lineMap: LineMap): InlineSuppression[] {
  const found: InlineSuppression[] = [];
  const visit = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'element') visit(node.children);
      else if (node.kind === 'comment') {
        const suppression = directiveIn(document.text.slice(node.contentSpan.start, node.contentSpan.end), node.span.start, node.span.end, lineMap);
        if (suppression) found.push(suppression);
      }
    }
  };
  visit(document.children);
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Finds suppression directives in line comments (`// apim-studio-disable-next-line rule-id: reason` in Bicep
 * and ARM, `#` in Terraform); `markers` are the dialect's line comment markers.
 */
export function lineCommentSuppressions(text: string, lineMap: LineMap, markers: readonly string[]): InlineSuppression[] {
  if (markers.length === 0) return [];
  const directive = new RegExp(`(?:${markers.map(escapeRegExp).join('|')})([ \\t]*apim-studio-disable-next-line[^\\r\\n]*)`, 'g');
  const found: InlineSuppression[] = [];
  for (const match of text.matchAll(directive)) {
    const start = match.index ?? 0;
    const suppression = directiveIn(match[1], start, start + match[0].length, lineMap);
    if (suppression) found.push(suppression);
  }
  return found;
}

/** Drops rule findings that a directive suppresses; returns the kept findings and the directives that matched nothing. */
export function applyInlineSuppressions(
  findings: readonly Finding[],
  suppressions: readonly InlineSuppression[],
  lineMap: LineMap,
): { kept: Finding[]; unused: InlineSuppression[] } {
  const used = new Set<InlineSuppression>();
  const kept = findings.filter((finding) => {
    if (finding.kind !== 'rule') return true;
    const line = lineMap.positionAt(finding.span.start).line;
    const suppression = suppressions.find((candidate) => candidate.line === line && candidate.ruleIds.includes(finding.code));
    if (!suppression) return true;
    used.add(suppression);
    return false;
  });
  return { kept, unused: suppressions.filter((suppression) => !used.has(suppression)) };
}
