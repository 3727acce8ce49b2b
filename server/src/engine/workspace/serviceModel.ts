/**
 * What an APIOps artifact tree says about an API Management service: which APIs, products, fragments,
 * named values and backends exist, who belongs to which product, and which scope each policy file sets.
 * Paths are workspace-relative with `/` separators, exactly as discovery received them.
 */

import type { Span } from '../text/span';

/** Where a template declares a resource: the template (workspace-relative) and the resource's text in it. */
export interface TemplateLocation {
  readonly path: string;
  readonly span: Span;
}

/** Classic Azure/apiops (`named values/`, per-API membership folders) or apiops-cli (`namedValues/`, `apis.json`). */
export type ArtifactFlavour = 'classic' | 'cli' | 'mixed' | 'unknown';

export type PolicyScopeKind = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'fragment' | 'unknown';

/** Which scope one policy file sets. `root` is the artifact root folder ('' for the workspace folder itself). */
export type PolicyScope =
  | { readonly kind: 'global'; readonly root: string }
  | { readonly kind: 'workspace'; readonly root: string; readonly workspace: string }
  | { readonly kind: 'product'; readonly root: string; readonly workspace: string | undefined; readonly product: string }
  | { readonly kind: 'api'; readonly root: string; readonly workspace: string | undefined; readonly api: string }
  | {
      readonly kind: 'operation';
      readonly root: string;
      readonly workspace: string | undefined;
      readonly api: string;
      readonly operation: string;
    }
  | { readonly kind: 'fragment'; readonly root: string; readonly workspace: string | undefined; readonly fragment: string }
  /** A loose file, or an `.xml` file at a place in an artifact tree that sets no known scope. */
  | { readonly kind: 'unknown'; readonly root: string | undefined };

export interface ApiInformation {
  readonly displayName: string | undefined;
  readonly path: string | undefined;
  /** Undefined when the file does not say (or could not be read). */
  readonly subscriptionRequired: boolean | undefined;
  readonly protocols: readonly string[];
  readonly serviceUrl: string | undefined;
  /** `http` unless the file names another type (`soap`, `graphql`, `websocket`, ...). */
  readonly type: string;
  readonly isCurrent: boolean | undefined;
  readonly apiRevision: string | undefined;
  readonly apiVersion: string | undefined;
}

export interface OperationNode {
  readonly name: string;
  /** Undefined for an operation without its own policy (it runs the API's). */
  readonly policyPath: string | undefined;
  /** apiops-cli writes `operationInformation.json`; classic APIOps has no operation file besides the policy. */
  readonly informationPath: string | undefined;
  /**
   * Upper case, from the information file, or else from the API's specification (the operation whose
   * `operationId` is this operation's name); undefined when neither says.
   */
  readonly method: string | undefined;
  readonly urlTemplate: string | undefined;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

export interface ApiNode {
  /** The folder name: `echo-api`, or `echo-api;rev=2` for a non-current revision. */
  readonly id: string;
  /** The API name without a revision suffix; product membership refers to this. */
  readonly name: string;
  /** The revision number from a `;rev=<n>` folder suffix. */
  readonly revision: string | undefined;
  readonly folderPath: string;
  readonly informationPath: string | undefined;
  /** Undefined when there is no information file; partial values when the file is broken JSON. */
  readonly information: ApiInformation | undefined;
  readonly policyPath: string | undefined;
  /**
   * Operation folders plus the specification's operations without a folder. Computed on first use, since
   * classic trees need the specification read for it.
   */
  readonly operations: ReadonlyMap<string, OperationNode>;
  /** Names of the products (in the same tree) the API belongs to, in discovery order. */
  readonly products: readonly string[];
  /** Why the API looks like an AI/LLM API (for example `service URL host openai.azure.com`); undefined when it does not. */
  readonly aiEvidence: string | undefined;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

export interface ProductNode {
  readonly name: string;
  readonly folderPath: string;
  readonly displayName: string | undefined;
  readonly subscriptionRequired: boolean | undefined;
  readonly state: string | undefined;
  readonly policyPath: string | undefined;
  /** Member API names from `apis/<a>/productApiInformation.json` folders and/or `apis.json`. */
  readonly apiNames: readonly string[];
  /** The product folder holds membership data (either flavour); without it, membership is unknown. */
  readonly membershipKnown: boolean;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

export interface FragmentNode {
  readonly id: string;
  readonly folderPath: string;
  readonly policyPath: string | undefined;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

export interface NamedValueNode {
  readonly name: string;
  readonly displayName: string | undefined;
  readonly secret: boolean;
  /** The value comes from Key Vault (`properties.keyVault`). */
  readonly keyVault: boolean;
  /** The literal value, kept only for values not marked secret. */
  readonly value: string | undefined;
  readonly informationPath: string;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

export interface BackendNode {
  readonly id: string;
  readonly url: string | undefined;
  /** `Single` or `Pool` when the file says. */
  readonly type: string | undefined;
  readonly circuitBreakerRuleCount: number;
  /** Backend ids (last segment of each pool service id) for a pool backend. */
  readonly poolMembers: readonly string[];
  readonly informationPath: string;
  /** Set for a resource a template declares: where (APIOps artifacts have their files instead). */
  readonly declaredAt?: TemplateLocation;
}

/** The artifacts of the service itself, or of one workspace: same shape in both. */
export interface ArtifactTree {
  /** Folder of this tree: the artifact root, or `<root>/workspaces/<name>`. */
  readonly folderPath: string;
  readonly apis: ReadonlyMap<string, ApiNode>;
  readonly products: ReadonlyMap<string, ProductNode>;
  readonly fragments: ReadonlyMap<string, FragmentNode>;
  readonly namedValues: ReadonlyMap<string, NamedValueNode>;
  readonly backends: ReadonlyMap<string, BackendNode>;
  /** Some product of this tree carries membership data; otherwise nobody knows which APIs are in products. */
  readonly membershipKnown: boolean;
}

export interface WorkspaceTree extends ArtifactTree {
  readonly name: string;
  readonly policyPath: string | undefined;
}

export interface ArtifactRoot {
  /** The folder holding `apis/`, `products/`, ...; '' when it is the top of the file list. */
  readonly path: string;
  readonly flavour: ArtifactFlavour;
  readonly globalPolicyPath: string | undefined;
  readonly service: ArtifactTree;
  readonly workspaces: ReadonlyMap<string, WorkspaceTree>;
  /**
   * Set for a service declared by ARM/Bicep templates rather than an APIOps folder: the templates (workspace-relative)
   * that declare it. Its `path` is then a name (`templates:<service>`), not a folder.
   */
  readonly templates?: readonly string[];
}

/** Something discovery could not read fully; reported as data, never thrown. */
export interface DiscoveryProblem {
  readonly kind: 'invalid-json' | 'unreadable-file' | 'invalid-specification' | 'operation-not-in-specification';
  readonly path: string;
  readonly message: string;
}

export interface ServiceModel {
  readonly roots: readonly ArtifactRoot[];
  /** Every policy document found, with the scope it sets (loose files have kind `unknown`). */
  readonly policyFiles: ReadonlyMap<string, PolicyScope>;
  /** Reading this reads every API specification not read yet (their problems are part of the list). */
  readonly problems: readonly DiscoveryProblem[];
  /** Policies written inline in templates, by the virtual path their scope's level names (`main.bicep#L12`). */
  readonly inlinePolicies?: ReadonlyMap<string, string>;
  /** Where each inline template policy is written in its template: the string's text, by the same virtual path. */
  readonly inlinePolicySpans?: ReadonlyMap<string, Span>;
}

/** The model of a loose file: no roots, no scopes. */
export const EMPTY_SERVICE_MODEL: ServiceModel = { roots: [], policyFiles: new Map(), problems: [] };

/** The tree (service or workspace) a scope belongs to. */
export function artifactTreeOf(model: ServiceModel, root: string, workspace: string | undefined): ArtifactTree | undefined {
  const artifactRoot = model.roots.find((candidate) => candidate.path === root);
  if (artifactRoot === undefined) return undefined;
  return workspace === undefined ? artifactRoot.service : artifactRoot.workspaces.get(workspace);
}
