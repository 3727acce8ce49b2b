import type { GatewayType } from '../catalog/policyDefinition';
import { NO_REFERENCES, type WorkspaceReferences } from './workspaceReferences';
import type { DocumentScope } from '../policy/policyVocabulary';

/** What completion, hover and navigation know about a document's surroundings; every part may be unknown. */
export interface LanguageEnvironment {
  /** Unknown scope: policies are not filtered by scope. */
  readonly scope: DocumentScope | undefined;
  /** Unknown gateway: policies are not filtered by gateway. */
  readonly gateway: GatewayType | undefined;
  readonly references: WorkspaceReferences;
}

export const LOOSE_DOCUMENT: LanguageEnvironment = { scope: undefined, gateway: undefined, references: NO_REFERENCES };
