import type { DocumentInput, DocumentKind } from './documentKind';
import { configDocumentKind } from './configDocumentKind';
import { policyDocumentKind } from './policyDocumentKind';

/** Every document kind, in the order they are tried. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [configDocumentKind, policyDocumentKind];

export function documentKindFor(input: DocumentInput): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => kind.matches(input));
}
