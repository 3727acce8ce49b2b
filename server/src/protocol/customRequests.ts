/**
 * Requests between the APIM Studio client and server beyond standard LSP. Both sides import this
 * file, so names and shapes cannot drift. It imports nothing, so the client bundle stays small.
 */

/** Client -> server: review every document under the given folders (file-system paths). */
export const REVIEW_WORKSPACE_REQUEST = 'apimStudio/reviewWorkspace';

export interface ReviewWorkspaceParams {
  readonly folders: string[];
}

export interface ReviewWorkspaceResult {
  readonly documents: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Client -> server: the effective policy of a policy document (every chain, annotated with scopes), as text. */
export const EFFECTIVE_POLICY_REQUEST = 'apimStudio/effectivePolicy';

export interface EffectivePolicyParams {
  readonly uri: string;
}

export interface EffectivePolicyResult {
  readonly text: string;
}
