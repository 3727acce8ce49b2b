import { analyseDocument } from '../../server/src/engine/analysis/analyseDocument';
import type { AnalysisContext } from '../../server/src/engine/analysis/analysisContext';
import type { AnalysisSettings } from '../../server/src/engine/analysis/analysisSettings';
import { createAnalysisContext } from '../../server/src/engine/analysis/defaultAnalysisContext';
import type { Finding } from '../../server/src/engine/findings/finding';
import { parsePolicy } from '../../server/src/engine/policy/policyParser';
import type { XmlDocument, XmlNode } from '../../server/src/engine/policy/syntaxTree';
import type { Span } from '../../server/src/engine/text/span';

/** Settings for robustness checks: large enough that adversarial documents are really analysed. */
export const UNLIMITED_SETTINGS: AnalysisSettings = { maxDocumentSize: Number.MAX_SAFE_INTEGER };

/** One context for every check, so `.apim-studio.json` lookups are cached rather than repeated per case. */
export const UNLIMITED_CONTEXT: AnalysisContext = createAnalysisContext(UNLIMITED_SETTINGS);

function spanProblem(what: string, range: Span | undefined, length: number): string | undefined {
  if (range === undefined) return undefined;
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    return `${what} has span ${JSON.stringify(range)} outside 0..${length}`;
  }
  return undefined;
}

/** Problems with finding and fix ranges: every range must lie inside the document. */
export function findingViolations(findings: readonly Finding[], length: number): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const own = spanProblem(`finding ${finding.code}`, finding.span, length);
    if (own) problems.push(own);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        const problem = spanProblem(`fix "${fix.title}" of ${finding.code}`, edit.span, length);
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}

/** Problems with the syntax tree: every node's spans inside the document and inside its parent. Iterative. */
export function treeViolations(document: XmlDocument): string[] {
  const length = document.text.length;
  const problems: string[] = [];
  const pending: { node: XmlNode; parent: Span | undefined }[] = document.children.map((node) => ({ node, parent: undefined }));
  while (pending.length > 0 && problems.length < 20) {
    const { node, parent } = pending.pop() as { node: XmlNode; parent: Span | undefined };
    const where = node.kind === 'element' ? `<${node.name}>` : node.kind;
    const own = spanProblem(where, node.span, length);
    if (own) problems.push(own);
    if (parent && (node.span.start < parent.start || node.span.end > parent.end)) {
      problems.push(`${where} span ${JSON.stringify(node.span)} is not inside its parent ${JSON.stringify(parent)}`);
    }
    if (node.kind === 'comment' || node.kind === 'cdata') {
      const content = spanProblem(`${where} content`, node.contentSpan, length);
      if (content) problems.push(content);
    }
    if (node.kind === 'text') {
      for (const item of node.embedded) {
        const problem = spanProblem(`${item.kind} in text`, item.span, length);
        if (problem) problems.push(problem);
      }
    }
    if (node.kind !== 'element') continue;
    for (const [what, range] of [
      ['name', node.nameSpan],
      ['start tag', node.startTagSpan],
      ['end tag', node.endTag?.span],
    ] as const) {
      const problem = spanProblem(`${where} ${what}`, range, length);
      if (problem) problems.push(problem);
    }
    for (const attribute of node.attributes) {
      for (const range of [attribute.span, attribute.nameSpan, attribute.valueSpan, ...attribute.embedded.map((item) => item.span)]) {
        const problem = spanProblem(`attribute ${attribute.name} of ${where}`, range, length);
        if (problem) problems.push(problem);
      }
    }
    for (const child of node.children) pending.push({ node: child, parent: node.span });
  }
  return problems;
}

/**
 * Runs the parser and the full analysis on `text` and lists every broken invariant: an exception, an
 * internal-error finding (a contained exception), or a range outside the document. Empty when all is well.
 */
export function documentViolations(text: string, path = '/fuzz/apis/a/policy.xml', context: AnalysisContext = UNLIMITED_CONTEXT): string[] {
  const problems: string[] = [];
  try {
    const parsed = parsePolicy(text);
    problems.push(...findingViolations(parsed.findings, text.length).map((problem) => `parser: ${problem}`));
    problems.push(...treeViolations(parsed.document).map((problem) => `tree: ${problem}`));
  } catch (error) {
    problems.push(`parsePolicy threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  try {
    const analysis = analyseDocument({ path, text }, context);
    problems.push(...findingViolations(analysis.findings, text.length).map((problem) => `analysis: ${problem}`));
    for (const finding of analysis.findings) {
      if (finding.code === 'internal-error') problems.push(`analysis: contained exception: ${finding.message}`);
    }
  } catch (error) {
    problems.push(`analyseDocument threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  return problems;
}
