import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isPolicyDocument } from '../engine/documents/policyDocumentKind';
import { foldingRegions } from '../engine/policy/foldingRegions';
import { policyOutline, type OutlineItem } from '../engine/policy/outline';
import { parsePolicy } from '../engine/policy/policyParser';
import type { XmlDocument } from '../engine/policy/syntaxTree';
import { toRange } from './toLsp';

/** Parses the document when it is a policy within the size limit (apimStudio.maxFileSizeKB); undefined otherwise. */
export function policyTree(document: TextDocument, maxDocumentSize: number): XmlDocument | undefined {
  const text = document.getText();
  if (text.length > maxDocumentSize) return undefined;
  const input = { path: document.uri, languageId: document.languageId, text };
  return isPolicyDocument(input) ? parsePolicy(text).document : undefined;
}

const SYMBOL_KINDS: Record<OutlineItem['role'], SymbolKind> = {
  root: SymbolKind.File,
  section: SymbolKind.Namespace,
  policy: SymbolKind.Function,
};

export function documentSymbols(document: TextDocument, tree: XmlDocument): DocumentSymbol[] {
  const convert = (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    detail: item.detail,
    kind: SYMBOL_KINDS[item.role],
    range: toRange(document, item.span),
    selectionRange: toRange(document, item.selectionSpan),
    children: item.children.map(convert),
  });
  return policyOutline(tree).map(convert);
}

/** Folding ranges for regions spanning at least two lines; the last line stays visible (it holds the end tag). */
export function foldingRanges(document: TextDocument, tree: XmlDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const region of foldingRegions(tree)) {
    const startLine = document.positionAt(region.span.start).line;
    const endLine = document.positionAt(region.span.end).line - (region.kind === 'comment' ? 0 : 1);
    if (endLine > startLine) {
      ranges.push({ startLine, endLine, ...(region.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) });
    }
  }
  return ranges;
}
