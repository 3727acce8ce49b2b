/**
 * What an editor attaches the server to, per document kind: language ids and file globs. Kept apart from the
 * kinds' analysis so the VS Code client can import it without bundling the engine.
 */
export interface EditorSelector {
  readonly languageIds: readonly string[];
  readonly filePatterns: readonly string[];
}

export const POLICY_SELECTOR: EditorSelector = { languageIds: ['apim-policy', 'xml'], filePatterns: [] };
/** ARM templates, APIOps artifact JSON and `.apim-studio.json`. */
export const JSON_SELECTOR: EditorSelector = { languageIds: ['json', 'jsonc'], filePatterns: [] };
export const BICEP_SELECTOR: EditorSelector = { languageIds: ['bicep'], filePatterns: ['**/*.bicep'] };
export const BICEP_PARAMS_SELECTOR: EditorSelector = { languageIds: ['bicep-params'], filePatterns: ['**/*.bicepparam'] };
/** Terraform by file pattern too: the HashiCorp extension owns the `terraform` language and its grammar. */
export const TERRAFORM_SELECTOR: EditorSelector = { languageIds: ['terraform', 'terraform-vars'], filePatterns: ['**/*.tf', '**/*.tfvars'] };

/** Every kind's selector, for the client. */
export const EDITOR_SELECTORS: readonly EditorSelector[] = [POLICY_SELECTOR, JSON_SELECTOR, BICEP_SELECTOR, BICEP_PARAMS_SELECTOR, TERRAFORM_SELECTOR];
