import { relative, sep } from 'node:path';
import { parsePolicy } from '../policy/policyParser';
import type { XmlDocument } from '../policy/syntaxTree';
import type { DocumentScope } from '../policy/policyVocabulary';
import { artifactTreeOf, type ArtifactTree, type PolicyScope, type ServiceModel } from './serviceModel';
import { DeploymentViews, type DeploymentView } from './deploymentView';
import { buildTemplateCallGraph } from './templateCallGraph';
import { discoverWorkspaceModel } from './templateDiscovery';

/** Reads a workspace-relative file, or undefined when it cannot be read. */
export type RelativeReader = (relativePath: string) => string | undefined;

/**
 * One folder seen as an APIM service: its APIOps and template model (scopes, products, fragments, named values,
 * backends) and its policy documents, parsed once and reused until their text changes. The reader
 * decides where text comes from: the editor's open buffers first, then the disk.
 */
export class PolicyWorkspace {
  private readonly parsed = new Map<string, { text: string; document: XmlDocument }>();
  private deployments: DeploymentViews | undefined;

  private constructor(
    /** Absolute folder. */
    readonly root: string,
    readonly model: ServiceModel,
    private readonly relativePaths: readonly string[],
    private readonly readRelative: RelativeReader,
  ) {}

  /** Discovers the model from the folder's file list (workspace-relative paths): APIOps trees and ARM/Bicep templates. */
  static load(root: string, relativePaths: readonly string[], readRelative: RelativeReader): PolicyWorkspace {
    return new PolicyWorkspace(root, discoverWorkspaceModel(relativePaths, readRelative), relativePaths, readRelative);
  }

  /** What the templates deployed with a template declare; undefined for a file that is not a template of the folder. */
  deploymentViewOf(relativePath: string): DeploymentView | undefined {
    // Built on first use: policy-only folders never pay for reading their templates' calls.
    this.deployments ??= new DeploymentViews(buildTemplateCallGraph(this.relativePaths, this.readRelative), this.readRelative);
    return this.deployments.viewOf(relativePath);
  }

  /** The workspace-relative `/`-separated path of an absolute path, or undefined when it lies outside. */
  relativePathOf(absolutePath: string): string | undefined {
    const path = relative(this.root, absolutePath);
    if (path.startsWith('..') || path === '' || /^[a-zA-Z]:/.test(path) || path.startsWith(sep)) return undefined;
    return path.split(sep).join('/');
  }

  /** A file's text, or an inline template policy's by its virtual path. */
  textOf(relativePath: string): string | undefined {
    return this.model.inlinePolicies?.get(relativePath) ?? this.readRelative(relativePath);
  }

  /** The parsed policy at a path; parsing happens once per distinct text. */
  documentFor(relativePath: string): XmlDocument | undefined {
    const text = this.textOf(relativePath);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(relativePath);
    if (cached && cached.text === text) return cached.document;
    const document = parsePolicy(text).document;
    this.parsed.set(relativePath, { text, document });
    return document;
  }

  scopeOf(relativePath: string): PolicyScope | undefined {
    return this.model.policyFiles.get(relativePath);
  }

  /**
   * The trees whose fragments, named values and backends a policy file can use, nearest first: its APIM
   * workspace's tree (when it is in one), then the service's. Empty for loose files.
   */
  treesOf(relativePath: string): ArtifactTree[] {
    const scope = this.scopeOf(relativePath);
    if (!scope || scope.kind === 'unknown') return [];
    const workspace = scope.kind === 'global' ? undefined : scope.workspace;
    const trees = [workspace === undefined ? undefined : artifactTreeOf(this.model, scope.root, workspace), artifactTreeOf(this.model, scope.root, undefined)];
    return trees.filter((tree): tree is ArtifactTree => tree !== undefined);
  }
}

/** The schema's notion of scope for a discovered policy file; undefined for loose files. */
export function documentScopeOf(scope: PolicyScope | undefined): DocumentScope | undefined {
  return scope === undefined || scope.kind === 'unknown' ? undefined : scope.kind;
}
