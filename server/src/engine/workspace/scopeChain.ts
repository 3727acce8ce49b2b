import { artifactTreeOf, type ApiNode, type ArtifactTree, type ServiceModel } from './serviceModel';

export type ScopeLevelKind = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'unknown';

/** One scope a request passes through. A level without a policy file inherits everything from its parent. */
export interface ScopeLevel {
  readonly kind: ScopeLevelKind;
  /** The scope's own name (API id, product name, ...); empty for global. */
  readonly name: string;
  /** Readable, e.g. `product starter`, `API echo-api`. */
  readonly label: string;
  readonly policyPath: string | undefined;
}

/**
 * Why a chain exists: through a product the API belongs to, or without any product because the API does
 * not require a subscription, its information file does not say, the tree has no membership data at all,
 * or it belongs to no product.
 */
export type ChainReason = 'product' | 'subscription-not-required' | 'subscription-unknown' | 'membership-unknown' | 'no-product' | 'standalone';

/** One alternative path from the outermost scope down to a policy, e.g. `via product starter`. */
export interface ScopeChain {
  readonly name: string;
  readonly reason: ChainReason;
  readonly product: string | undefined;
  /** Outermost first: global, [workspace], [product], api, [operation]. */
  readonly levels: readonly ScopeLevel[];
  /** Where fragments are looked up; undefined for loose documents. */
  readonly root: string | undefined;
  readonly workspace: string | undefined;
}

/**
 * The chains that lead to the scope a policy file sets. An operation or API policy gets one chain per
 * product of its API, plus one without a product when that path is possible. Fragments have no chain
 * of their own (they run wherever they are included); a loose file is its own single-level chain.
 */
export function scopeChainsForPolicyFile(model: ServiceModel, path: string): ScopeChain[] {
  const scope = model.policyFiles.get(path);
  if (scope === undefined || scope.kind === 'fragment') return [];
  if (scope.kind === 'unknown') return [standaloneChain(path)];
  if (scope.kind === 'api' || scope.kind === 'operation') {
    return scopeChainsForApi(model, scope.root, scope.workspace, scope.api, scope.kind === 'operation' ? scope.operation : undefined);
  }
  const workspace = scope.kind === 'global' ? undefined : scope.workspace;
  const levels = outerLevels(model, scope.root, workspace);
  if (scope.kind === 'product') {
    const tree = artifactTreeOf(model, scope.root, workspace);
    levels.push(productLevel(tree, scope.product));
    return [{ name: `product ${scope.product}`, reason: 'product', product: scope.product, levels, root: scope.root, workspace }];
  }
  return [{ name: levels[levels.length - 1].label, reason: 'no-product', product: undefined, levels, root: scope.root, workspace }];
}

/** The chain of a document seen alone: one level of unknown kind, whose `<base />` leads nowhere we can see. */
export function standaloneChain(path: string): ScopeChain {
  return {
    name: 'standalone',
    reason: 'standalone',
    product: undefined,
    levels: [{ kind: 'unknown', name: path, label: 'this document', policyPath: path }],
    root: undefined,
    workspace: undefined,
  };
}

/** The chains for an API (or one of its operations) of the tree at `root` / `workspace`. */
export function scopeChainsForApi(
  model: ServiceModel,
  root: string,
  workspace: string | undefined,
  apiId: string,
  operation: string | undefined,
): ScopeChain[] {
  const tree = artifactTreeOf(model, root, workspace);
  const api = tree?.apis.get(apiId);
  const tail: ScopeLevel[] = [{ kind: 'api', name: apiId, label: `API ${apiId}`, policyPath: api?.policyPath }];
  if (operation !== undefined) {
    tail.push({
      kind: 'operation',
      name: operation,
      label: `operation ${operation}`,
      policyPath: api?.operations.get(operation)?.policyPath,
    });
  }
  const outer = outerLevels(model, root, workspace);
  const chains: ScopeChain[] = [];
  for (const product of api?.products ?? []) {
    chains.push({
      name: `via product ${product}`,
      reason: 'product',
      product,
      levels: [...outer, productLevel(tree, product), ...tail],
      root,
      workspace,
    });
  }
  const withoutProduct = reasonForChainWithoutProduct(api, tree);
  if (withoutProduct !== undefined) {
    chains.push({ name: 'without a product', reason: withoutProduct, product: undefined, levels: [...outer, ...tail], root, workspace });
  }
  return chains;
}

function reasonForChainWithoutProduct(api: ApiNode | undefined, tree: ArtifactTree | undefined): ChainReason | undefined {
  if (api === undefined || api.products.length === 0) return tree?.membershipKnown === true ? 'no-product' : 'membership-unknown';
  if (api.information?.subscriptionRequired === false) return 'subscription-not-required';
  if (api.information?.subscriptionRequired === undefined) return 'subscription-unknown';
  return undefined;
}

function outerLevels(model: ServiceModel, root: string, workspace: string | undefined): ScopeLevel[] {
  const artifactRoot = model.roots.find((candidate) => candidate.path === root);
  const levels: ScopeLevel[] = [{ kind: 'global', name: '', label: 'global', policyPath: artifactRoot?.globalPolicyPath }];
  if (workspace !== undefined) {
    levels.push({
      kind: 'workspace',
      name: workspace,
      label: `workspace ${workspace}`,
      policyPath: artifactRoot?.workspaces.get(workspace)?.policyPath,
    });
  }
  return levels;
}

function productLevel(tree: ArtifactTree | undefined, product: string): ScopeLevel {
  return { kind: 'product', name: product, label: `product ${product}`, policyPath: tree?.products.get(product)?.policyPath };
}
