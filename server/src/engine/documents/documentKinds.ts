import type { FileAccess } from '../files/fileAccess';
import { apiopsArtifactDocumentKind } from './apiopsArtifactDocumentKind';
import { armTemplateDocumentKind } from './armTemplateDocumentKind';
import { bicepDocumentKind } from './bicepDocumentKind';
import { bicepParamsDocumentKind } from './bicepParamsDocumentKind';
import { configDocumentKind } from './configDocumentKind';
import type { DocumentInput, DocumentKind } from './documentKind';
import { policyDocumentKind } from './policyDocumentKind';
import { terraformDocumentKind } from './terraformDocumentKind';

/** Every document kind, in the order they are tried. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  configDocumentKind,
  policyDocumentKind,
  armTemplateDocumentKind,
  apiopsArtifactDocumentKind,
  bicepDocumentKind,
  bicepParamsDocumentKind,
  terraformDocumentKind,
];

export function documentKindFor(input: DocumentInput, files: FileAccess): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => kind.matches(input, files));
}
