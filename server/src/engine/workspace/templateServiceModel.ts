import { posix } from 'node:path';
import type { TemplateModel, TemplateNode, TemplateResource, TemplateValue } from '../templates/templateModel';
import { apimTypeOf, lookupPath, propertyAt, stringAt, valueAt } from '../templates/templateQueries';
import { aiApiEvidence } from './aiApiEvidence';
import { REVISION_SEPARATOR } from '../templates/apiops/artifactFolders';
import type {
  ApiInformation,
  ApiNode,
  ArtifactRoot,
  ArtifactTree,
  BackendNode,
  FragmentNode,
  NamedValueNode,
  OperationNode,
  PolicyScope,
  ProductNode,
  TemplateLocation,
  WorkspaceTree,
} from './serviceModel';
import type { Span } from '../text/span';

/** One parsed template of the folder, by workspace-relative `/`-separated path. */
export interface TemplateSource {
  readonly path: string;
  readonly model: TemplateModel;
}

/** Reads a local module (workspace-relative path) with the caller's arguments; undefined when it cannot be read. */
export type ModuleReader = (path: string, parameters: ReadonlyMap<string, TemplateValue>) => TemplateModel | undefined;

/** What a folder's templates say about the services they deploy, in the shape of the APIOps model. */
export interface TemplateServices {
  readonly roots: readonly ArtifactRoot[];
  /** XML files loaded by `loadTextContent` and policies written inline, with the scope each sets. */
  readonly policyFiles: ReadonlyMap<string, PolicyScope>;
  /** The text of each inline policy, by its virtual path (`main.bicep#L12`). */
  readonly inlinePolicies: ReadonlyMap<string, string>;
  /** Where each inline policy's string is written in its template, by the same virtual path. */
  readonly inlinePolicySpans: ReadonlyMap<string, Span>;
}

/** The root path of a template-declared service: never a folder, so it cannot meet an APIOps root. */
export function templateRootPath(serviceName: string): string {
  return `templates:${serviceName}`;
}

/** The file holding a policy: itself, or for an inline template policy (`main.bicep#L12`) its template. */
export function hostFileOf(policyPath: string): string {
  return policyPath.replace(INLINE_SUFFIX, '');
}

const INLINE_SUFFIX = /#L\d+$/;

/** Modules followed below the folder's own templates. */
const MAX_MODULE_DEPTH = 1;

/**
 * Builds one service model per service name from the folder's templates: names and parents as the
 * deployment resolves them, loops unrolled over known collections, local modules followed one level with
 * their arguments. A name that cannot be known becomes `unknown name (file:line)`, never a guess. A file a
 * module call reads is taken only through its callers (with their arguments), not on its own.
 */
export function buildTemplateServices(templates: readonly TemplateSource[], readModule: ModuleReader): TemplateServices {
  const builder = new ServicesBuilder();
  const called = new Set<string>();
  for (const template of templates) {
    for (const call of template.model.modules ?? []) {
      const path = call.path === undefined ? undefined : resolveRelative(template.path, call.path);
      if (path !== undefined) called.add(path);
    }
  }
  for (const template of templates) {
    if (!called.has(template.path)) builder.addTemplate(template, readModule, 0);
  }
  return builder.build();
}

/** A path written relative to a template's folder, as a workspace-relative path; undefined when it leaves the workspace. */
function resolveRelative(templatePath: string, written: string): string | undefined {
  const joined = posix.normalize(posix.join(posix.dirname(templatePath), written.replace(/\\/g, '/')));
  return joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined) ? undefined : joined;
}

/** The policy scopes, with the level of the type that names each part: `service/apis/policies` -> api at 1. */
const POLICY_KINDS: ReadonlyMap<string, PolicyScope['kind']> = new Map<string, PolicyScope['kind']>([
  ['policies', 'global'],
  ['apis/policies', 'api'],
  ['apis/operations/policies', 'operation'],
  ['products/policies', 'product'],
]);

interface OperationBuilder {
  policyPath: string | undefined;
  method: string | undefined;
  urlTemplate: string | undefined;
  declaredAt: TemplateLocation | undefined;
}

interface ApiBuilder {
  readonly id: string;
  information: ApiInformation | undefined;
  policyPath: string | undefined;
  readonly operations: Map<string, OperationBuilder>;
  readonly informationPath: string;
  declaredAt: TemplateLocation | undefined;
}

interface ProductBuilder {
  declaredAt: TemplateLocation | undefined;
  displayName: string | undefined;
  subscriptionRequired: boolean | undefined;
  state: string | undefined;
  policyPath: string | undefined;
  readonly apiNames: string[];
}

class TreeBuilder {
  readonly apis = new Map<string, ApiBuilder>();
  readonly products = new Map<string, ProductBuilder>();
  readonly fragments = new Map<string, FragmentNode>();
  readonly namedValues = new Map<string, NamedValueNode>();
  readonly backends = new Map<string, BackendNode>();
  policyPath: string | undefined;

  api(id: string, informationPath: string): ApiBuilder {
    return getOrAdd(this.apis, id, () => ({
      id,
      information: undefined,
      policyPath: undefined,
      operations: new Map(),
      informationPath,
      declaredAt: undefined,
    }));
  }

  product(name: string): ProductBuilder {
    return getOrAdd(this.products, name, () => ({
      declaredAt: undefined,
      displayName: undefined,
      subscriptionRequired: undefined,
      state: undefined,
      policyPath: undefined,
      apiNames: [],
    }));
  }

  build(folderPath: string): ArtifactTree {
    const membership = new Map<string, string[]>();
    const products = new Map<string, ProductNode>();
    for (const [name, product] of this.products) {
      for (const apiName of product.apiNames) getOrAdd(membership, apiName, () => []).push(name);
      products.set(name, { name, folderPath, ...product, membershipKnown: product.apiNames.length > 0 });
    }
    const apis = new Map<string, ApiNode>();
    for (const [id, api] of this.apis) {
      const separator = id.indexOf(REVISION_SEPARATOR);
      const name = separator < 0 ? id : id.slice(0, separator);
      const operations = new Map<string, OperationNode>();
      for (const [operation, details] of api.operations) operations.set(operation, { name: operation, informationPath: undefined, ...details });
      apis.set(id, {
        id,
        name,
        revision: separator < 0 ? undefined : id.slice(separator + REVISION_SEPARATOR.length),
        folderPath,
        informationPath: api.informationPath,
        information: api.information,
        policyPath: api.policyPath,
        operations,
        products: membership.get(name) ?? [],
        aiEvidence: aiApiEvidence(name, api.information),
        declaredAt: api.declaredAt,
      });
    }
    const membershipKnown = [...products.values()].some((product) => product.membershipKnown);
    return { folderPath, apis, products, fragments: this.fragments, namedValues: this.namedValues, backends: this.backends, membershipKnown };
  }
}

class ServiceBuilder {
  readonly service = new TreeBuilder();
  readonly workspaces = new Map<string, TreeBuilder>();
  readonly templates = new Set<string>();
  globalPolicyPath: string | undefined;

  constructor(readonly path: string) {}

  tree(workspace: string | undefined): TreeBuilder {
    return workspace === undefined ? this.service : getOrAdd(this.workspaces, workspace, () => new TreeBuilder());
  }

  build(): ArtifactRoot {
    const workspaces = new Map<string, WorkspaceTree>();
    for (const [name, tree] of this.workspaces) workspaces.set(name, { ...tree.build(''), name, policyPath: tree.policyPath });
    return {
      path: this.path,
      flavour: 'unknown',
      globalPolicyPath: this.globalPolicyPath,
      service: this.service.build(''),
      workspaces,
      templates: [...this.templates],
    };
  }
}

/** One deployed copy of a resource: its type below `service` and its name segments with unknown ones labelled. */
interface Placed {
  readonly resource: TemplateResource;
  readonly template: TemplateSource;
  /** `['apis', 'policies']` for `Microsoft.ApiManagement/service/apis/policies`. */
  readonly typePath: readonly string[];
  /** One per type level, service first; unknown ones as `unknown name (file:line)`. */
  readonly names: readonly string[];
}

class ServicesBuilder {
  private readonly services = new Map<string, ServiceBuilder>();
  private readonly policyFiles = new Map<string, PolicyScope>();
  private readonly inlinePolicies = new Map<string, string>();
  private readonly inlinePolicySpans = new Map<string, Span>();

  addTemplate(template: TemplateSource, readModule: ModuleReader, depth: number): void {
    for (const resource of template.model.resources) {
      const type = apimTypeOf(resource);
      if (type === undefined || !type.startsWith('service')) continue;
      const typePath = type.split('/').slice(1);
      const copies = resource.loop?.copies() ?? [resource.nameSegments];
      for (const segments of copies) this.add({ resource, template, typePath, names: labelledNames(resource, segments, typePath.length + 1, template) });
    }
    if (depth >= MAX_MODULE_DEPTH) return;
    for (const call of template.model.modules ?? []) {
      const path = call.path === undefined ? undefined : resolveRelative(template.path, call.path);
      if (path === undefined) continue;
      for (const parameters of call.deployments) {
        const model = readModule(path, parameters);
        if (model !== undefined) this.addTemplate({ path, model }, readModule, depth + 1);
      }
    }
  }

  private add(placed: Placed): void {
    const [serviceName, ...names] = placed.names;
    const service = getOrAdd(this.services, serviceName, () => new ServiceBuilder(templateRootPath(serviceName)));
    service.templates.add(placed.template.path);
    let typePath = placed.typePath;
    let workspace: string | undefined;
    if (typePath[0] === 'workspaces' && typePath.length > 1) {
      workspace = names[0];
      typePath = typePath.slice(1);
      names.shift();
    }
    const root = service.path;
    const tree = service.tree(workspace);
    const kind = typePath.join('/');
    const { resource } = placed;
    const declared = !resource.existing;
    const source = placed.template.path;

    if (kind === 'workspaces' && names.length === 1) {
      service.tree(names[0]);
      return;
    }
    const policyKind = POLICY_KINDS.get(kind);
    if (policyKind !== undefined && declared) {
      const scope: PolicyScope =
        policyKind === 'global'
          ? workspace === undefined
            ? { kind: 'global', root }
            : { kind: 'workspace', root, workspace }
          : policyKind === 'product'
            ? { kind: 'product', root, workspace, product: names[0] }
            : policyKind === 'api'
              ? { kind: 'api', root, workspace, api: names[0] }
              : { kind: 'operation', root, workspace, api: names[0], operation: names[1] };
      const policyPath = this.policyOf(placed, scope);
      if (policyPath === undefined) return;
      if (scope.kind === 'global') service.globalPolicyPath ??= policyPath;
      else if (scope.kind === 'workspace') tree.policyPath ??= policyPath;
      else if (scope.kind === 'product') tree.product(scope.product).policyPath ??= policyPath;
      else if (scope.kind === 'api') tree.api(scope.api, source).policyPath ??= policyPath;
      else if (scope.kind === 'operation') {
        const operation = getOrAdd(tree.api(scope.api, source).operations, scope.operation, newOperation);
        operation.policyPath ??= policyPath;
      }
      return;
    }
    const body = resource.body;
    const declaredAt = declared ? locationOf(placed) : undefined;
    if (kind === 'apis') {
      const api = tree.api(names[0], source);
      if (declared) api.information ??= apiInformation(body);
      api.declaredAt ??= declaredAt;
    } else if (kind === 'apis/operations') {
      const operation = getOrAdd(tree.api(names[0], source).operations, names[1], newOperation);
      operation.method ??= stringAt(body, ['properties', 'method'])?.toUpperCase();
      operation.urlTemplate ??= stringAt(body, ['properties', 'urlTemplate']);
      operation.declaredAt ??= declaredAt;
    } else if (kind === 'products') {
      const product = tree.product(names[0]);
      if (declared) {
        product.declaredAt ??= declaredAt;
        product.displayName ??= stringAt(body, ['properties', 'displayName']);
        product.subscriptionRequired ??= booleanAt(body, ['properties', 'subscriptionRequired']);
        product.state ??= stringAt(body, ['properties', 'state']);
      }
    } else if ((kind === 'products/apis' || kind === 'products/apilinks') && declared) {
      const apiName = kind === 'products/apis' ? names[1] : lastSegment(stringAt(body, ['properties', 'apiId']));
      const product = tree.product(names[0]);
      if (apiName !== undefined && !product.apiNames.includes(apiName)) product.apiNames.push(apiName);
    } else if (kind === 'policyfragments') {
      const id = names[0];
      if (!tree.fragments.has(id) && declared) {
        tree.fragments.set(id, { id, folderPath: '', policyPath: this.policyOf(placed, { kind: 'fragment', root, workspace, fragment: id }), declaredAt });
      }
    } else if (kind === 'namedvalues' && declared && !tree.namedValues.has(names[0])) {
      tree.namedValues.set(names[0], { ...namedValue(names[0], body, source), declaredAt });
    } else if (kind === 'backends' && declared && !tree.backends.has(names[0])) {
      tree.backends.set(names[0], { ...backend(names[0], body, source), declaredAt });
    }
  }

  /**
   * Where a policy resource's XML lives: the file `loadTextContent` reads (it becomes that scope's policy
   * file), or a virtual path for an inline string. Undefined for a link or content that cannot be known.
   */
  private policyOf(placed: Placed, scope: PolicyScope): string | undefined {
    const { resource, template } = placed;
    const content = propertyAt(resource.body, ['properties', 'value'])?.value ?? propertyAt(resource.body, ['properties', 'policyContent'])?.value;
    if (content === undefined) return undefined;
    const format = stringAt(resource.body, ['properties', 'format'])?.toLowerCase();
    if (format?.endsWith('-link')) return undefined;
    if (content.loadedFile !== undefined) {
      const path = resolveRelative(template.path, content.loadedFile);
      if (path !== undefined && !this.policyFiles.has(path)) this.policyFiles.set(path, scope);
      return path;
    }
    const text = inlineText(content);
    if (text === undefined) return undefined;
    const path = `${template.path}#L${lineOf(template.model, content.span.start)}`;
    if (!this.policyFiles.has(path)) {
      this.policyFiles.set(path, scope);
      this.inlinePolicies.set(path, text);
      this.inlinePolicySpans.set(path, content.span);
    }
    return path;
  }

  build(): TemplateServices {
    return {
      roots: [...this.services.values()].map((service) => service.build()),
      policyFiles: this.policyFiles,
      inlinePolicies: this.inlinePolicies,
      inlinePolicySpans: this.inlinePolicySpans,
    };
  }
}

function newOperation(): OperationBuilder {
  return { policyPath: undefined, method: undefined, urlTemplate: undefined, declaredAt: undefined };
}

/** The whole resource as written (type string through body), where a click on it in the service view lands. */
function locationOf(placed: Placed): TemplateLocation {
  const { anchor, body } = placed.resource;
  return { path: placed.template.path, span: { start: Math.min(anchor.start, body.span.start), end: Math.max(anchor.end, body.span.end) } };
}

/** A policy written as a string (directly or through a variable), when it reads as XML. */
function inlineText(content: TemplateNode): string | undefined {
  const literal = content.literalText?.value;
  if (literal !== undefined) return literal.trimStart().startsWith('<') ? literal : undefined;
  const value = content.value();
  return value.known && typeof value.value === 'string' && value.value.trimStart().startsWith('<') ? value.value : undefined;
}

/**
 * The resource's name segments, one per type level, with each unknown one labelled by where the resource
 * naming that level is declared (so a Bicep child and its `parent:` share the label). A name whose segment
 * count does not match the type is unknown throughout.
 */
function labelledNames(resource: TemplateResource, segments: readonly (string | undefined)[], levels: number, template: TemplateSource): string[] {
  const usable = segments.length === levels ? segments : new Array<string | undefined>(levels).fill(undefined);
  return usable.map((segment, level) => {
    if (segment !== undefined && segment !== '') return segment;
    // Every `.tf` file of a folder is one Terraform module: its files name the same service the same way.
    if (level === 0)
      return template.model.dialect.id === 'terraform' ? `unknown name (${posix.dirname(template.path)}/*.tf)` : `unknown name (${template.path})`;
    let declaring: TemplateResource = resource;
    for (let ancestor = resource.parent; ancestor !== undefined; ancestor = ancestor.parent) {
      if (ancestor.nameSegments.length === level + 1) declaring = ancestor;
    }
    return `unknown name (${template.path}:${lineOf(template.model, declaring.anchor.start)})`;
  });
}

/** Newline offsets per template text, found once: unknown names in a large template each need a line. */
const NEWLINES = new WeakMap<TemplateModel, number[]>();

function lineOf(model: TemplateModel, offset: number): number {
  let newlines = NEWLINES.get(model);
  if (newlines === undefined) {
    newlines = [];
    for (let index = model.text.indexOf('\n'); index >= 0; index = model.text.indexOf('\n', index + 1)) newlines.push(index);
    NEWLINES.set(model, newlines);
  }
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (newlines[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

function booleanAt(node: TemplateNode, path: readonly string[]): boolean | undefined {
  const value = valueAt(node, path);
  if (!value.known) return undefined;
  if (typeof value.value === 'boolean') return value.value;
  return typeof value.value === 'string' && /^(true|false)$/i.test(value.value) ? value.value.toLowerCase() === 'true' : undefined;
}

function stringsAt(node: TemplateNode, path: readonly string[]): string[] {
  const value = valueAt(node, path);
  return value.known && Array.isArray(value.value) ? value.value.filter((item): item is string => typeof item === 'string') : [];
}

function apiInformation(body: TemplateNode): ApiInformation {
  const at = (key: string): string | undefined => stringAt(body, ['properties', key]);
  return {
    displayName: at('displayName'),
    path: at('path'),
    subscriptionRequired: booleanAt(body, ['properties', 'subscriptionRequired']),
    protocols: stringsAt(body, ['properties', 'protocols']),
    serviceUrl: at('serviceUrl'),
    type: at('type') ?? at('apiType') ?? 'http',
    isCurrent: booleanAt(body, ['properties', 'isCurrent']),
    apiRevision: at('apiRevision'),
    apiVersion: at('apiVersion'),
  };
}

function namedValue(name: string, body: TemplateNode, source: string): NamedValueNode {
  const secret = booleanAt(body, ['properties', 'secret']) === true;
  return {
    name,
    displayName: stringAt(body, ['properties', 'displayName']),
    secret,
    keyVault: lookupPath(body, ['properties', 'keyVault']).state === 'present',
    value: secret ? undefined : stringAt(body, ['properties', 'value']),
    informationPath: source,
  };
}

function backend(id: string, body: TemplateNode, source: string): BackendNode {
  const rules = valueAt(body, ['properties', 'circuitBreaker', 'rules']);
  const services = valueAt(body, ['properties', 'pool', 'services']);
  const poolMembers: string[] = [];
  if (services.known && Array.isArray(services.value)) {
    for (const service of services.value) {
      const member =
        service !== null && typeof service === 'object' && !Array.isArray(service) ? (service as { readonly [key: string]: unknown }).id : undefined;
      const last = typeof member === 'string' ? lastSegment(member) : undefined;
      if (last !== undefined) poolMembers.push(last);
    }
  }
  return {
    id,
    url: stringAt(body, ['properties', 'url']),
    type: stringAt(body, ['properties', 'type']),
    circuitBreakerRuleCount: rules.known && Array.isArray(rules.value) ? rules.value.length : 0,
    poolMembers,
    informationPath: source,
  };
}

function lastSegment(id: string | undefined): string | undefined {
  const segment = id
    ?.split('/')
    .filter((part) => part !== '')
    .pop();
  return segment === undefined || segment === '' ? undefined : segment;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
