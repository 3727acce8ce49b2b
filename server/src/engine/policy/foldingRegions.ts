import type { Span } from '../text/span';
import type { XmlDocument, XmlNode } from './syntaxTree';

export interface FoldingRegion {
  readonly span: Span;
  readonly kind: 'region' | 'comment';
}

/** Elements, comments, CDATA sections and multi-line expressions; the caller keeps the ones spanning several lines. */
export function foldingRegions(document: XmlDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const visit = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'element') {
        regions.push({ span: node.span, kind: 'region' });
        for (const attributeNode of node.attributes) {
          for (const embedded of attributeNode.embedded) if (embedded.kind === 'expression') regions.push({ span: embedded.span, kind: 'region' });
        }
        visit(node.children);
      } else if (node.kind === 'comment') {
        regions.push({ span: node.span, kind: 'comment' });
      } else if (node.kind === 'cdata') {
        regions.push({ span: node.span, kind: 'region' });
      } else if (node.kind === 'text') {
        for (const embedded of node.embedded) if (embedded.kind === 'expression') regions.push({ span: embedded.span, kind: 'region' });
      }
    }
  };
  visit(document.children);
  return regions;
}
