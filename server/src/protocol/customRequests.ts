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
  /**
   * The chain to show (`via product starter`). With it, the result is that one chain (the first when it names
   * none); without it, every chain one after another.
   */
  readonly chain?: string;
}

export interface EffectivePolicyResult {
  readonly text: string;
  /** "Effective policy: orders-api / create-order (via product starter)": the chain shown, or the first. */
  readonly title?: string;
  /** Every chain's name, for the product switcher. */
  readonly chains?: string[];
  /** The chain shown when one was asked for. */
  readonly chain?: string;
}

/** Client -> server: the APIM service view of the workspace folders (ServiceTreeNode in engine/language/serviceTree.ts). */
export const SERVICE_TREE_REQUEST = 'apimStudio/serviceTree';

/** A node of the service view; the same shape as the engine's, repeated here so the client bundle imports no engine code. */
export interface ServiceTreeItem {
  readonly label: string;
  readonly kind: string;
  readonly description?: string;
  readonly file?: string;
  /** Where in `file` a click puts the cursor (0-based), for a policy or resource written inside a template. */
  readonly position?: { readonly line: number; readonly character: number };
  readonly hasEffectivePolicy?: boolean;
  /** The document URI to ask the effective policy of: the policy file, or `<template uri>#L<line>` for an inline policy. */
  readonly effectivePolicyUri?: string;
  readonly findings?: number;
  readonly children?: readonly ServiceTreeItem[];
}

export interface ServiceTreeResult {
  readonly nodes: readonly ServiceTreeItem[];
}

/**
 * Server -> client: a document any effective policy can depend on changed (an edit, or a file created, changed or
 * deleted on disk), after the server has taken it in; open effective-policy views re-render.
 */
export const EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION = 'apimStudio/effectivePolicyInputsChanged';
