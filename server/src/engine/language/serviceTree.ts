import { join } from 'node:path';
import type { Span } from '../text/span';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import type { ArtifactRoot, ArtifactTree, TemplateLocation } from '../workspace/serviceModel';
import { hostFileOf } from '../workspace/templateServiceModel';

/** One node of the APIM service view: a group, an API, an operation, a product, a fragment, a named value, a backend. */
export interface ServiceTreeNode {
  readonly label: string;
  readonly kind: 'service' | 'group' | 'api' | 'operation' | 'product' | 'fragment' | 'named-value' | 'backend' | 'global';
  readonly description?: string;
  /** The file a click opens (absolute): the policy, or else the information file or the declaring template. */
  readonly file?: string;
  /** Where in `file` the node is written (an inline template policy's string, a template resource); the whole file when absent. */
  readonly span?: Span;
  /** True when the node's policy has an effective policy of its own (APIs, operations, products, global). */
  readonly hasEffectivePolicy?: boolean;
  /** The policy whose effective policy the node shows (absolute; `<template>#L<line>` for an inline template policy). */
  readonly policy?: string;
  /** Findings in `file` (within `span` when set), when known (the file is open or was reviewed). */
  readonly findings?: number;
  readonly children?: readonly ServiceTreeNode[];
}

/** Counts findings of an absolute path (those starting inside `span` when given); undefined when nothing is known about it. */
export type FindingCounter = (path: string, span?: Span) => number | undefined;

/** Where a node's click lands and what its count covers, workspace-relative. */
interface Place {
  readonly file: string;
  readonly span?: Span;
  /** Set when the place is a policy. */
  readonly policy?: string;
}

class TreeNodes {
  constructor(
    private readonly workspace: PolicyWorkspace,
    private readonly countOf: FindingCounter,
  ) {}

  /** A policy file, or the template string an inline policy is written in. */
  policyPlace(policyPath: string | undefined): Place | undefined {
    if (policyPath === undefined) return undefined;
    const span = this.workspace.model.inlinePolicySpans?.get(policyPath);
    return span === undefined ? { file: policyPath, policy: policyPath } : { file: hostFileOf(policyPath), span, policy: policyPath };
  }

  /** An APIOps information file, or the template resource that declares the artifact. */
  declarationPlace(declaredAt: TemplateLocation | undefined, informationPath: string | undefined): Place | undefined {
    if (declaredAt !== undefined) return { file: declaredAt.path, span: declaredAt.span };
    return informationPath === undefined ? undefined : { file: informationPath };
  }

  leaf(kind: ServiceTreeNode['kind'], label: string, place: Place | undefined, extra: Partial<ServiceTreeNode> = {}): ServiceTreeNode {
    if (place === undefined) return { kind, label, ...extra };
    const root = this.workspace.root;
    const file = join(root, place.file);
    const findings = this.countOf(file, place.span);
    return {
      kind,
      label,
      file,
      ...(place.span !== undefined ? { span: place.span } : {}),
      ...(place.policy !== undefined && kind !== 'fragment' && kind !== 'named-value' && kind !== 'backend'
        ? { hasEffectivePolicy: true, policy: join(root, place.policy) }
        : {}),
      ...(findings !== undefined ? { findings } : {}),
      ...extra,
    };
  }

  tree(tree: ArtifactTree): ServiceTreeNode[] {
    const byName = <T>(map: ReadonlyMap<string, T>): [string, T][] => [...map].sort(([a], [b]) => a.localeCompare(b));
    const apis = byName(tree.apis).map(([id, api]) => {
      const operations = byName(api.operations).map(([name, operation]) =>
        this.leaf('operation', name, this.policyPlace(operation.policyPath) ?? this.declarationPlace(operation.declaredAt, undefined), {
          ...(operation.method ? { description: operation.method } : {}),
        }),
      );
      return this.leaf('api', id, this.policyPlace(api.policyPath) ?? this.declarationPlace(api.declaredAt, api.informationPath), {
        ...(api.information?.displayName ? { description: api.information.displayName } : {}),
        ...(operations.length > 0 ? { children: operations } : {}),
      });
    });
    const products = byName(tree.products).map(([name, product]) =>
      this.leaf('product', name, this.policyPlace(product.policyPath) ?? this.declarationPlace(product.declaredAt, undefined), {
        description: product.apiNames.length === 1 ? '1 API' : `${product.apiNames.length} APIs`,
      }),
    );
    const fragments = byName(tree.fragments).map(([id, fragment]) =>
      this.leaf('fragment', id, this.policyPlace(fragment.policyPath) ?? this.declarationPlace(fragment.declaredAt, undefined)),
    );
    const namedValues = byName(tree.namedValues).map(([name, value]) =>
      this.leaf('named-value', name, this.declarationPlace(value.declaredAt, value.informationPath), {
        description: value.keyVault ? 'Key Vault' : value.secret ? 'secret' : 'plain',
      }),
    );
    const backends = byName(tree.backends).map(([id, backend]) =>
      this.leaf('backend', id, this.declarationPlace(backend.declaredAt, backend.informationPath), backend.url ? { description: backend.url } : {}),
    );
    return [
      ...group('APIs', apis),
      ...group('Products', products),
      ...group('Policy fragments', fragments),
      ...group('Named values', namedValues),
      ...group('Backends', backends),
    ];
  }
}

function group(label: string, children: ServiceTreeNode[]): ServiceTreeNode[] {
  return children.length === 0 ? [] : [{ kind: 'group', label, description: String(children.length), children }];
}

/** A service's name and what declares it: the APIOps folder and its flavour, or the service name and its templates (ARM, Bicep, Terraform). */
function serviceLabel(root: ArtifactRoot): { label: string; description: string } {
  if (root.templates === undefined) return { label: root.path === '' ? 'Service' : root.path, description: root.flavour };
  const [first = '', ...others] = root.templates;
  const extension = first.toLowerCase().slice(first.lastIndexOf('.'));
  const language = extension === '.bicep' ? 'Bicep' : extension === '.tf' ? 'Terraform' : 'ARM';
  const more = others.length === 0 ? '' : ` +${others.length}`;
  return { label: root.path.replace(/^templates:/, ''), description: `${language} ${first}${more}` };
}

/**
 * The APIM service view of a workspace folder: per APIOps artifact root (and APIM workspace) and per service its
 * ARM, Bicep and Terraform templates declare, the global policy, APIs with their operations, products, fragments, named
 * values and backends, each with its finding count. Inline template policies open at their string in the template.
 */
export function serviceTree(workspace: PolicyWorkspace, countOf: FindingCounter): ServiceTreeNode[] {
  const nodes: ServiceTreeNode[] = [];
  const trees = new TreeNodes(workspace, countOf);
  for (const artifactRoot of workspace.model.roots) {
    const children: ServiceTreeNode[] = [];
    const globalPolicy = trees.policyPlace(artifactRoot.globalPolicyPath);
    if (globalPolicy) children.push(trees.leaf('global', 'Global policy', globalPolicy));
    children.push(...trees.tree(artifactRoot.service));
    for (const [name, tree] of artifactRoot.workspaces) {
      const workspacePolicy = trees.policyPlace(tree.policyPath);
      const policy = workspacePolicy ? [trees.leaf('global', 'Workspace policy', workspacePolicy)] : [];
      children.push({ kind: 'group', label: `Workspace ${name}`, children: [...policy, ...trees.tree(tree)] });
    }
    if (children.length === 0) continue;
    nodes.push({ kind: 'service', ...serviceLabel(artifactRoot), children });
  }
  return nodes;
}
