import { join } from 'node:path';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import type { ArtifactTree } from '../workspace/serviceModel';

/** One node of the APIM service view: a group, an API, an operation, a product, a fragment, a named value, a backend. */
export interface ServiceTreeNode {
  readonly label: string;
  readonly kind: 'service' | 'group' | 'api' | 'operation' | 'product' | 'fragment' | 'named-value' | 'backend' | 'global';
  readonly description?: string;
  /** The file a click opens (absolute): the policy, or else the information file. */
  readonly file?: string;
  /** True when `file` is a policy with an effective policy of its own (APIs, operations, products, global). */
  readonly hasEffectivePolicy?: boolean;
  /** Findings in `file`, when known (the file is open or was reviewed). */
  readonly findings?: number;
  readonly children?: readonly ServiceTreeNode[];
}

/** Counts findings of an absolute path; undefined when nothing is known about it. */
export type FindingCounter = (path: string) => number | undefined;

function leaf(
  kind: ServiceTreeNode['kind'],
  label: string,
  root: string,
  relativeFile: string | undefined,
  countOf: FindingCounter,
  extra: Partial<ServiceTreeNode> = {},
): ServiceTreeNode {
  const file = relativeFile === undefined ? undefined : join(root, relativeFile);
  const findings = file === undefined ? undefined : countOf(file);
  return { kind, label, ...(file !== undefined ? { file } : {}), ...(findings !== undefined ? { findings } : {}), ...extra };
}

function group(label: string, children: ServiceTreeNode[]): ServiceTreeNode[] {
  return children.length === 0 ? [] : [{ kind: 'group', label, description: String(children.length), children }];
}

function treeNodes(tree: ArtifactTree, root: string, countOf: FindingCounter): ServiceTreeNode[] {
  const byName = <T>(map: ReadonlyMap<string, T>): [string, T][] => [...map].sort(([a], [b]) => a.localeCompare(b));
  const apis = byName(tree.apis).map(([id, api]) => {
    const operations = byName(api.operations).map(([name, operation]) =>
      leaf('operation', name, root, operation.policyPath, countOf, {
        ...(operation.method ? { description: operation.method } : {}),
        ...(operation.policyPath ? { hasEffectivePolicy: true } : {}),
      }),
    );
    return leaf('api', id, root, api.policyPath ?? api.informationPath, countOf, {
      ...(api.information?.displayName ? { description: api.information.displayName } : {}),
      ...(api.policyPath ? { hasEffectivePolicy: true } : {}),
      ...(operations.length > 0 ? { children: operations } : {}),
    });
  });
  const products = byName(tree.products).map(([name, product]) =>
    leaf('product', name, root, product.policyPath, countOf, {
      description: product.apiNames.length === 1 ? '1 API' : `${product.apiNames.length} APIs`,
      ...(product.policyPath ? { hasEffectivePolicy: true } : {}),
    }),
  );
  const fragments = byName(tree.fragments).map(([id, fragment]) => leaf('fragment', id, root, fragment.policyPath, countOf));
  const namedValues = byName(tree.namedValues).map(([name, value]) =>
    leaf('named-value', name, root, value.informationPath, countOf, { description: value.keyVault ? 'Key Vault' : value.secret ? 'secret' : 'plain' }),
  );
  const backends = byName(tree.backends).map(([id, backend]) =>
    leaf('backend', id, root, backend.informationPath, countOf, backend.url ? { description: backend.url } : {}),
  );
  return [
    ...group('APIs', apis),
    ...group('Products', products),
    ...group('Policy fragments', fragments),
    ...group('Named values', namedValues),
    ...group('Backends', backends),
  ];
}

/**
 * The APIM service view of a workspace folder: per APIOps artifact root (and APIM workspace), the global policy,
 * APIs with their operations, products, fragments, named values and backends, each with its finding count.
 */
export function serviceTree(workspace: PolicyWorkspace, countOf: FindingCounter): ServiceTreeNode[] {
  const nodes: ServiceTreeNode[] = [];
  for (const artifactRoot of workspace.model.roots) {
    const children: ServiceTreeNode[] = [];
    if (artifactRoot.globalPolicyPath)
      children.push(leaf('global', 'Global policy', workspace.root, artifactRoot.globalPolicyPath, countOf, { hasEffectivePolicy: true }));
    children.push(...treeNodes(artifactRoot.service, workspace.root, countOf));
    for (const [name, tree] of artifactRoot.workspaces) {
      children.push({ kind: 'group', label: `Workspace ${name}`, children: treeNodes(tree, workspace.root, countOf) });
    }
    if (children.length === 0) continue;
    nodes.push({ kind: 'service', label: artifactRoot.path === '' ? 'Service' : artifactRoot.path, description: artifactRoot.flavour, children });
  }
  return nodes;
}
