/**
 * Requests between the APIM Studio client and server beyond standard LSP. Both sides import this
 * file, so names and shapes cannot drift. It imports nothing, so the client bundle stays small.
 */

/**
 * Client -> server: review every document under the given folders or files (file-system paths). The server
 * reports work-done progress (cancellable) while it runs.
 */
export const REVIEW_WORKSPACE_REQUEST = 'apimStudio/reviewWorkspace';

export interface ReviewWorkspaceParams {
  readonly folders: string[];
  /** Report formats to render from this one review: `webview`, `markdown`, `html`, `sarif`, `json`, `text`. */
  readonly formats?: string[];
  /** Paths in reports are relative to this folder; the first entry of `folders` when absent. */
  readonly baseFolder?: string;
  /** CSP nonce for the `webview` page (base64). */
  readonly nonce?: string;
}

export interface ReviewWorkspaceResult {
  readonly documents: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** True when the user cancelled; the counts are then zero and no reports are rendered. */
  readonly cancelled?: boolean;
  /** The requested formats, rendered; keys are format names. */
  readonly reports?: Record<string, string>;
  /** Absolute paths of the reviewed documents: the only files the webview may ask to open. */
  readonly files?: string[];
}

/** Client -> server: the effective policy of a policy document (every chain, annotated with scopes), as text. */
export const EFFECTIVE_POLICY_REQUEST = 'apimStudio/effectivePolicy';

export interface EffectivePolicyParams {
  readonly uri: string;
}

export interface EffectivePolicyResult {
  readonly text: string;
}
