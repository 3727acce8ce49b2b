import { aiApiEvidence } from './aiApiEvidence';
import { apiOperations, type OperationFolder } from './apiOperations';
import { SPECIFICATION_FILES } from './apiSpecification';
import { readApiInformation, readBackend, readMembershipList, readNamedValue, readProductInformation } from './artifactInformation';
import {
  APIS,
  API_INFORMATION,
  BACKENDS,
  BACKEND_INFORMATION,
  FRAGMENT_FOLDERS,
  NAMED_VALUE_FOLDERS,
  NAMED_VALUE_INFORMATION,
  OPERATIONS,
  OPERATION_INFORMATION,
  POLICY_FILE,
  PRODUCTS,
  PRODUCT_APIS_LIST,
  PRODUCT_API_INFORMATION,
  PRODUCT_INFORMATION,
  REVISION_SEPARATOR,
  WORKSPACES,
} from '../templates/apiops/artifactFolders';
import { findArtifactRoots } from './artifactRoots';
import type { TextReader } from './jsonValues';
import type {
  ApiNode,
  ArtifactFlavour,
  ArtifactRoot,
  ArtifactTree,
  BackendNode,
  DiscoveryProblem,
  FragmentNode,
  NamedValueNode,
  PolicyScope,
  ProductNode,
  ServiceModel,
  WorkspaceTree,
} from './serviceModel';

/**
 * Builds the service model of a workspace from its file list. `readText` is called for the JSON
 * information files (and to sniff loose `.xml` files); paths are workspace-relative, `/`-separated
 * (backslashes are accepted and normalised). API specifications are read later, when an API's operations
 * are first asked for, and `specification.yaml` is tried even when unlisted. Never throws; unreadable or
 * broken files become problems.
 */
export function discoverServiceModel(paths: readonly string[], readText: TextReader): ServiceModel {
  const normalized = [...new Set(paths.map(normalizePath))].sort();
  const split = normalized.map((path) => path.split('/'));
  const rootPaths = findArtifactRoots(split);
  const roots = new Map(rootPaths.map((path) => [path, new RootBuilder(path)]));
  const policyFiles = new Map<string, PolicyScope>();
  const problems: DiscoveryProblem[] = [];
  const deferredProblems: DeferredProblems[] = [];

  for (let index = 0; index < normalized.length; index++) {
    const path = normalized[index];
    const segments = split[index];
    const owner = owningRoot(segments, roots);
    if (owner === undefined) {
      if (isLoosePolicyFile(path, readText)) policyFiles.set(path, { kind: 'unknown', root: undefined });
      continue;
    }
    const scope = owner.root.add(path, segments.slice(owner.length));
    if (scope !== undefined) policyFiles.set(path, scope);
  }

  return {
    roots: [...roots.values()].map((root) => root.build(readText, problems, deferredProblems)),
    policyFiles,
    get problems() {
      return [...problems, ...deferredProblems.flatMap((read) => read())];
    },
  };
}

/** Problems of work done on first use (reading a specification); calling it does that work if not done yet. */
type DeferredProblems = () => readonly DiscoveryProblem[];

function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** The deepest artifact root containing the path, and how many leading segments it spans. */
function owningRoot(segments: readonly string[], roots: ReadonlyMap<string, RootBuilder>): { root: RootBuilder; length: number } | undefined {
  const prefixes: string[] = [''];
  for (let length = 1; length < segments.length; length++) {
    prefixes.push(length === 1 ? segments[0] : `${prefixes[length - 1]}/${segments[length - 1]}`);
  }
  for (let length = segments.length - 1; length >= 0; length--) {
    const root = roots.get(prefixes[length]);
    if (root !== undefined) return { root, length };
  }
  return undefined;
}

const POLICY_NAME = /(^|\/)(policy\.xml|[^/]+\.policy\.xml|[^/]+\.apim\.xml)$/i;
const POLICY_ROOT = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(policies|fragment)[\s/>]/;

/** A `.xml` file outside artifact roots counts as a loose policy when named like one or rooted at `<policies>`/`<fragment>`. */
function isLoosePolicyFile(path: string, readText: TextReader): boolean {
  if (!path.toLowerCase().endsWith('.xml')) return false;
  if (POLICY_NAME.test(path)) return true;
  const text = readText(path);
  return text !== undefined && POLICY_ROOT.test(text.slice(0, 65536));
}

function isXml(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

class RootBuilder {
  readonly service: TreeBuilder;
  readonly workspaces = new Map<string, TreeBuilder>();
  globalPolicyPath: string | undefined;
  classicEvidence = false;
  cliEvidence = false;

  constructor(readonly path: string) {
    this.service = new TreeBuilder(path);
  }

  /** Records one file under this root; returns its policy scope when it is a policy document. */
  add(path: string, relative: readonly string[]): PolicyScope | undefined {
    if (relative.length === 1 && relative[0] === POLICY_FILE) {
      this.globalPolicyPath = path;
      return { kind: 'global', root: this.path };
    }
    if (relative[0] === WORKSPACES && relative.length >= 3) {
      const name = relative[1];
      const workspace = getOrAdd(this.workspaces, name, () => new TreeBuilder(`${prefixOf(this.path)}${WORKSPACES}/${name}`));
      const inner = relative.slice(2);
      if (inner.length === 1 && inner[0] === POLICY_FILE) {
        workspace.policyPath = path;
        return { kind: 'workspace', root: this.path, workspace: name };
      }
      return this.addToTree(workspace, name, path, inner);
    }
    return this.addToTree(this.service, undefined, path, relative);
  }

  private addToTree(tree: TreeBuilder, workspace: string | undefined, path: string, relative: readonly string[]): PolicyScope | undefined {
    const [collection, name, ...rest] = relative;
    const file = relative[relative.length - 1];
    const unknown: PolicyScope | undefined = isXml(file) ? { kind: 'unknown', root: this.path } : undefined;
    if (name === undefined || rest.length === 0) return unknown;
    const folder = `${tree.folderPath === '' ? '' : `${tree.folderPath}/`}${collection}/${name}`;
    const root = this.path;

    if (collection === APIS) {
      const api = tree.api(name, folder);
      if (rest.length === 1 && file === API_INFORMATION) api.informationPath = path;
      else if (rest.length === 1 && SPECIFICATION_FILES.includes(file)) api.specificationPaths.push(path);
      else if (rest.length === 1 && file === POLICY_FILE) {
        api.policyPath = path;
        return { kind: 'api', root, workspace, api: name };
      } else if (rest.length === 3 && rest[0] === OPERATIONS) {
        const operation = getOrAdd(api.operations, rest[1], () => ({ informationPath: undefined, policyPath: undefined }));
        if (file === OPERATION_INFORMATION) {
          operation.informationPath = path;
          this.cliEvidence = true;
        } else if (file === POLICY_FILE) {
          operation.policyPath = path;
          return { kind: 'operation', root, workspace, api: name, operation: rest[1] };
        }
      }
      return unknown;
    }
    if (collection === PRODUCTS) {
      const product = tree.product(name, folder);
      if (rest.length === 1 && file === PRODUCT_INFORMATION) product.informationPath = path;
      else if (rest.length === 1 && file === PRODUCT_APIS_LIST) {
        product.membershipListPath = path;
        this.cliEvidence = true;
      } else if (rest.length === 1 && file === POLICY_FILE) {
        product.policyPath = path;
        return { kind: 'product', root, workspace, product: name };
      } else if (rest.length === 3 && rest[0] === APIS && file === PRODUCT_API_INFORMATION) {
        product.memberFolders.push(rest[1]);
        this.classicEvidence = true;
      }
      return unknown;
    }
    const fragmentFlavour = FRAGMENT_FOLDERS.get(collection);
    if (fragmentFlavour !== undefined) {
      this.noteFlavour(fragmentFlavour);
      const fragment = tree.fragment(name, folder);
      if (rest.length === 1 && isXml(file)) {
        if (fragment.policyPath === undefined || file === POLICY_FILE) fragment.policyPath = path;
        return { kind: 'fragment', root, workspace, fragment: name };
      }
      return unknown;
    }
    const namedValueFlavour = NAMED_VALUE_FOLDERS.get(collection);
    if (namedValueFlavour !== undefined) {
      this.noteFlavour(namedValueFlavour);
      if (rest.length === 1 && file === NAMED_VALUE_INFORMATION) tree.namedValuePaths.set(name, path);
      return unknown;
    }
    if (collection === BACKENDS && rest.length === 1 && file === BACKEND_INFORMATION) tree.backendPaths.set(name, path);
    if (collection === 'version sets') this.classicEvidence = true;
    if (collection === 'versionSets') this.cliEvidence = true;
    return unknown;
  }

  private noteFlavour(flavour: 'classic' | 'cli'): void {
    if (flavour === 'classic') this.classicEvidence = true;
    else this.cliEvidence = true;
  }

  build(readText: TextReader, problems: DiscoveryProblem[], deferredProblems: DeferredProblems[]): ArtifactRoot {
    const workspaces = new Map<string, WorkspaceTree>();
    for (const [name, tree] of this.workspaces) {
      workspaces.set(name, { ...tree.build(readText, problems, deferredProblems), name, policyPath: tree.policyPath });
    }
    return {
      path: this.path,
      flavour: flavourOf(this.classicEvidence, this.cliEvidence),
      globalPolicyPath: this.globalPolicyPath,
      service: this.service.build(readText, problems, deferredProblems),
      workspaces,
    };
  }
}

function flavourOf(classic: boolean, cli: boolean): ArtifactFlavour {
  if (classic && cli) return 'mixed';
  if (classic) return 'classic';
  return cli ? 'cli' : 'unknown';
}

function prefixOf(path: string): string {
  return path === '' ? '' : `${path}/`;
}

interface ApiBuilder {
  readonly folderPath: string;
  informationPath: string | undefined;
  policyPath: string | undefined;
  readonly specificationPaths: string[];
  readonly operations: Map<string, OperationFolder>;
}

interface ProductBuilder {
  readonly folderPath: string;
  informationPath: string | undefined;
  membershipListPath: string | undefined;
  policyPath: string | undefined;
  readonly memberFolders: string[];
}

class TreeBuilder {
  readonly apis = new Map<string, ApiBuilder>();
  readonly products = new Map<string, ProductBuilder>();
  readonly fragments = new Map<string, { folderPath: string; policyPath: string | undefined }>();
  readonly namedValuePaths = new Map<string, string>();
  readonly backendPaths = new Map<string, string>();
  policyPath: string | undefined;

  constructor(readonly folderPath: string) {}

  api(id: string, folderPath: string): ApiBuilder {
    return getOrAdd(this.apis, id, () => ({
      folderPath,
      informationPath: undefined,
      policyPath: undefined,
      specificationPaths: [],
      operations: new Map(),
    }));
  }

  product(name: string, folderPath: string): ProductBuilder {
    return getOrAdd(this.products, name, () => ({
      folderPath,
      informationPath: undefined,
      membershipListPath: undefined,
      policyPath: undefined,
      memberFolders: [],
    }));
  }

  fragment(id: string, folderPath: string): { folderPath: string; policyPath: string | undefined } {
    return getOrAdd(this.fragments, id, () => ({ folderPath, policyPath: undefined }));
  }

  build(readText: TextReader, problems: DiscoveryProblem[], deferredProblems: DeferredProblems[]): ArtifactTree {
    const products = new Map<string, ProductNode>();
    // API name -> product names, built once so membership lookups stay linear.
    const membership = new Map<string, string[]>();
    for (const [name, product] of this.products) {
      const information = product.informationPath === undefined ? undefined : readProductInformation(product.informationPath, readText, problems);
      const listed = product.membershipListPath === undefined ? [] : readMembershipList(product.membershipListPath, readText, problems);
      const apiNames = [...new Set([...product.memberFolders, ...listed])];
      for (const apiName of apiNames) getOrAdd(membership, apiName, () => []).push(name);
      products.set(name, {
        name,
        folderPath: product.folderPath,
        displayName: information?.displayName,
        subscriptionRequired: information?.subscriptionRequired,
        state: information?.state,
        policyPath: product.policyPath,
        apiNames,
        membershipKnown: product.membershipListPath !== undefined || product.memberFolders.length > 0,
      });
    }

    const apis = new Map<string, ApiNode>();
    for (const [id, api] of this.apis) {
      const separator = id.indexOf(REVISION_SEPARATOR);
      const name = separator < 0 ? id : id.slice(0, separator);
      const information = api.informationPath === undefined ? undefined : readApiInformation(api.informationPath, readText, problems);
      const operations = once(() => {
        const found: DiscoveryProblem[] = [];
        const specificationPath = preferredSpecification(api.specificationPaths);
        return { operations: apiOperations(api.operations, api.folderPath, specificationPath, readText, found), problems: found };
      });
      deferredProblems.push(() => operations().problems);
      apis.set(id, {
        id,
        name,
        revision: separator < 0 ? undefined : id.slice(separator + REVISION_SEPARATOR.length),
        folderPath: api.folderPath,
        informationPath: api.informationPath,
        information,
        policyPath: api.policyPath,
        get operations() {
          return operations().operations;
        },
        products: membership.get(name) ?? [],
        aiEvidence: aiApiEvidence(name, information),
      });
    }

    const fragments = new Map<string, FragmentNode>();
    for (const [id, fragment] of this.fragments) fragments.set(id, { id, ...fragment });
    const namedValues = new Map<string, NamedValueNode>();
    for (const [name, path] of this.namedValuePaths) namedValues.set(name, readNamedValue(name, path, readText, problems));
    const backends = new Map<string, BackendNode>();
    for (const [id, path] of this.backendPaths) backends.set(id, readBackend(id, path, readText, problems));

    const membershipKnown = [...products.values()].some((product) => product.membershipKnown);
    return { folderPath: this.folderPath, apis, products, fragments, namedValues, backends, membershipKnown };
  }
}

/** The listed specification to read when an API folder has several (a YAML and a JSON export, say). */
function preferredSpecification(paths: readonly string[]): string | undefined {
  const rank = (path: string): number => SPECIFICATION_FILES.indexOf(path.slice(path.lastIndexOf('/') + 1));
  return [...paths].sort((a, b) => rank(a) - rank(b))[0];
}

/** `compute` runs on the first call only; later calls return its result. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: compute() };
    return result.value;
  };
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
