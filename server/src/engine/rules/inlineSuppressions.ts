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

/** Finds suppression directives in comments anywhere in the document. */
export function inlineSuppressions(document: XmlDocument, lineMap: LineMap): InlineSuppression[] {
  const found: InlineSuppression[] = [];
  const visit = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'element') visit(node.children);
      else if (node.kind === 'comment') {
        const match = DIRECTIVE.exec(document.text.slice(node.contentSpan.start, node.contentSpan.end));
        if (!match) continue;
        found.push({
          ruleIds: match[1].split(',').map((id) => id.trim()),
          reason: match[2] ?? '',
          line: lineMap.positionAt(node.span.end).line + 1,
          commentStart: node.span.start,
          commentEnd: node.span.end,
        });
      }
    }
  };
  visit(document.children);
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
