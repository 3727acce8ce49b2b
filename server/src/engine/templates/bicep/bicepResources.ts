import { findBicepProperty } from './bicepObjectAccess';
import type { BicepExpression, BicepFile, BicepFor, BicepObject, BicepResourceDeclaration } from './bicepSyntax';

/** A resource declaration with what the template states about it, resolved through nesting and `parent:`. */
export interface BicepResource {
  readonly declaration: BicepResourceDeclaration;
  readonly symbolicName: string | undefined;
  /** The full type, e.g. `Microsoft.ApiManagement/service/apis/policies`; undefined when the type string is missing or interpolated. */
  readonly type: string | undefined;
  /** The API version written after `@` (a nested resource without one inherits its parent's). */
  readonly apiVersion: string | undefined;
  readonly existing: boolean;
  /** The resource body: the object itself, or the object inside `if (...)` / `[for ...]`. */
  readonly body: BicepObject | undefined;
  /** The `if (...)` condition of a conditional resource. */
  readonly condition: BicepExpression | undefined;
  /** The loop of a resource declared with `[for ...]`; the body is analysed once for all iterations. */
  readonly loop: BicepFor | undefined;
  readonly parent: BicepResource | undefined;
  /** How the parent was found: declared inside its body, or named by `parent:`. */
  readonly parentLink: 'nested' | 'parent-property' | undefined;
  /** The value of the body's `name` property. */
  readonly nameExpression: BicepExpression | undefined;
}

interface ResourceBody {
  readonly body: BicepObject | undefined;
  readonly condition: BicepExpression | undefined;
  readonly loop: BicepFor | undefined;
}

function unwrapBody(value: BicepExpression | undefined): ResourceBody {
  let body: BicepObject | undefined;
  let condition: BicepExpression | undefined;
  let loop: BicepFor | undefined;
  let current: BicepExpression | undefined = value;
  if (current?.kind === 'for') {
    loop = current;
    current = current.body;
  }
  if (current?.kind === 'if') {
    condition = current.condition;
    current = current.body;
  }
  if (current?.kind === 'object') body = current;
  return { body, condition, loop };
}

interface MutableResource {
  declaration: BicepResourceDeclaration;
  symbolicName: string | undefined;
  typeText: string | undefined;
  apiVersion: string | undefined;
  existing: boolean;
  body: BicepObject | undefined;
  condition: BicepExpression | undefined;
  loop: BicepFor | undefined;
  parent: MutableResource | undefined;
  parentLink: 'nested' | 'parent-property' | undefined;
  nameExpression: BicepExpression | undefined;
  /** Resources declared inside this one's body, by symbolic name. */
  children: Map<string, MutableResource>;
  /** The resource whose body declares this one. */
  container: MutableResource | undefined;
  type: string | undefined;
}

/** A type is relative (to the enclosing resource) when its first segment is not a provider namespace such as `Microsoft.Web`. */
function isRelativeType(typeText: string): boolean {
  const firstSegment = typeText.split('/')[0];
  return !firstSegment.includes('.');
}

/**
 * Lists every resource declaration of a file, top-level and nested, in source order, with full types,
 * API versions and parents resolved. Unknown pieces stay undefined; nothing is guessed.
 */
export function collectBicepResources(file: BicepFile): BicepResource[] {
  const all: MutableResource[] = [];
  const topLevel = new Map<string, MutableResource>();

  // Walk declarations with an explicit stack; nesting in the tree is depth-limited, but the list of siblings is not.
  const pending: Array<{ declaration: BicepResourceDeclaration; container: MutableResource | undefined }> = [];
  for (const declaration of file.declarations) {
    if (declaration.kind === 'resource') pending.push({ declaration, container: undefined });
  }
  pending.reverse();
  while (pending.length > 0) {
    const { declaration, container } = pending.pop() as { declaration: BicepResourceDeclaration; container: MutableResource | undefined };
    const typeValue = declaration.typeString?.value;
    const at = typeValue === undefined ? -1 : typeValue.indexOf('@');
    const typeText = typeValue === undefined ? undefined : at < 0 ? typeValue : typeValue.slice(0, at);
    const { body, condition, loop } = unwrapBody(declaration.value);
    const resource: MutableResource = {
      declaration,
      symbolicName: declaration.name?.name,
      typeText: typeText === '' ? undefined : typeText,
      apiVersion: typeValue === undefined || at < 0 ? undefined : typeValue.slice(at + 1),
      existing: declaration.existing,
      body,
      condition,
      loop,
      parent: container,
      parentLink: container === undefined ? undefined : 'nested',
      nameExpression: body === undefined ? undefined : findBicepProperty(body, 'name')?.value,
      children: new Map(),
      container,
      type: undefined,
    };
    all.push(resource);
    if (resource.symbolicName !== undefined) {
      const siblings = container?.children ?? topLevel;
      if (!siblings.has(resource.symbolicName)) siblings.set(resource.symbolicName, resource);
    }
    if (body !== undefined) {
      const nested = body.members.filter((member): member is BicepResourceDeclaration => member.kind === 'resource');
      for (let i = nested.length - 1; i >= 0; i--) pending.push({ declaration: nested[i], container: resource });
    }
  }

  const lookup = (name: string, from: MutableResource): MutableResource | undefined => {
    for (let scope = from.container; scope !== undefined; scope = scope.container) {
      const found = scope.children.get(name);
      if (found !== undefined && found !== from) return found;
    }
    const found = topLevel.get(name);
    return found === from ? undefined : found;
  };

  const resolveReference = (expression: BicepExpression, from: MutableResource): MutableResource | undefined => {
    const path: string[] = [];
    let current: BicepExpression = expression;
    for (;;) {
      if (current.kind === 'reference') {
        let resource = lookup(current.name, from);
        for (let i = path.length - 1; i >= 0 && resource !== undefined; i--) resource = resource.children.get(path[i]);
        return resource;
      }
      if (current.kind === 'index-access' || current.kind === 'non-null' || current.kind === 'parenthesized') {
        const inner: BicepExpression | undefined = current.kind === 'index-access' ? current.base : current.expression;
        if (inner === undefined) return undefined;
        current = inner;
      } else if (current.kind === 'property-access' && current.operator === '::' && current.name !== undefined) {
        path.push(current.name.name);
        current = current.base;
      } else {
        return undefined;
      }
    }
  };

  for (const resource of all) {
    if (resource.parent !== undefined || resource.body === undefined) continue;
    const parentValue = findBicepProperty(resource.body, 'parent')?.value;
    if (parentValue === undefined) continue;
    const parent = resolveReference(parentValue, resource);
    if (parent !== undefined) {
      resource.parent = parent;
      resource.parentLink = 'parent-property';
    }
  }

  // Full types: walk up the parent chain (bounded by the number of resources, so cycles end).
  for (const resource of all) {
    const relativeParts: string[] = [];
    let current: MutableResource | undefined = resource;
    let hops = 0;
    let full: string | undefined;
    while (current !== undefined && hops <= all.length) {
      if (current.typeText === undefined) break;
      if (!isRelativeType(current.typeText)) {
        full = [current.typeText, ...relativeParts].join('/');
        break;
      }
      relativeParts.unshift(current.typeText);
      current = current.parent;
      hops++;
    }
    resource.type = full;
    if (resource.apiVersion === undefined && resource.typeText !== undefined && isRelativeType(resource.typeText)) {
      for (let ancestor = resource.parent, steps = 0; ancestor !== undefined && steps <= all.length; ancestor = ancestor.parent, steps++) {
        if (ancestor.apiVersion !== undefined) {
          resource.apiVersion = ancestor.apiVersion;
          break;
        }
      }
    }
  }

  const frozen = new Map<MutableResource, BicepResource>();
  const freeze = (resource: MutableResource): BicepResource => {
    const done = frozen.get(resource);
    if (done !== undefined) return done;
    const result: BicepResource = {
      declaration: resource.declaration,
      symbolicName: resource.symbolicName,
      type: resource.type,
      apiVersion: resource.apiVersion,
      existing: resource.existing,
      body: resource.body,
      condition: resource.condition,
      loop: resource.loop,
      parent: undefined,
      parentLink: resource.parentLink,
      nameExpression: resource.nameExpression,
    };
    frozen.set(resource, result);
    return result;
  };
  for (const resource of all) freeze(resource);
  // Link parents after every node exists, so parent cycles in bad input stay finite.
  for (const resource of all) {
    if (resource.parent !== undefined) {
      (frozen.get(resource) as { parent: BicepResource | undefined }).parent = frozen.get(resource.parent);
    }
  }
  return all.map((resource) => frozen.get(resource) as BicepResource);
}
