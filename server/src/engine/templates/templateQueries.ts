import type { TemplateNode, TemplateProperty, TemplateResource, TemplateStaticValue, TemplateValue } from './templateModel';
import { UNKNOWN_VALUE, knownValue } from './templateModel';

/** A property of a literal object; an exact key wins, otherwise keys match without regard to case (as ARM does). */
export function propertyOf(node: TemplateNode | undefined, key: string): TemplateProperty | undefined {
  if (node === undefined || node.shape !== 'object') return undefined;
  const lower = key.toLowerCase();
  let loose: TemplateProperty | undefined;
  for (const property of node.properties) {
    if (property.key === key) return property;
    if (loose === undefined && property.key.toLowerCase() === lower) loose = property;
  }
  return loose;
}

/** Follows literal objects along `path`; undefined when a step is missing or not written as a literal object. */
export function propertyAt(node: TemplateNode | undefined, path: readonly string[]): TemplateProperty | undefined {
  let current = node;
  let found: TemplateProperty | undefined;
  for (const key of path) {
    found = propertyOf(current, key);
    if (found === undefined) return undefined;
    current = found.value;
  }
  return found;
}

function isObjectValue(value: TemplateStaticValue): value is { readonly [key: string]: TemplateStaticValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function staticProperty(value: { readonly [key: string]: TemplateStaticValue }, key: string): TemplateStaticValue | undefined {
  if (Object.hasOwn(value, key)) return value[key];
  const lower = key.toLowerCase();
  const match = Object.keys(value).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? undefined : value[match];
}

/**
 * Where `path` leads from `node`: `present` with a value (known or not), `absent` when the template
 * certainly does not set it, or `unknown` when part of the way is computed and cannot be evaluated.
 */
export type PathLookup =
  | { readonly state: 'present'; readonly value: TemplateValue; readonly node: TemplateNode | undefined }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown' };

export function lookupPath(node: TemplateNode, path: readonly string[]): PathLookup {
  let current: TemplateNode = node;
  for (let step = 0; step < path.length; step++) {
    if (current.shape === 'object') {
      const property = propertyOf(current, path[step]);
      // A spread member may set the key (`...(cond ? { circuitBreaker: ... } : {})`).
      if (property === undefined) return current.hasSpreadMembers === true ? { state: 'unknown' } : { state: 'absent' };
      current = property.value;
      continue;
    }
    if (current.shape === 'scalar' || current.shape === 'array') return { state: 'absent' };
    // Computed: evaluate it and walk the rest of the way in the value.
    let value = current.value();
    for (let rest = step; rest < path.length; rest++) {
      if (!value.known) return { state: 'unknown' };
      if (!isObjectValue(value.value)) return { state: 'absent' };
      const next = staticProperty(value.value, path[rest]);
      if (next === undefined) return { state: 'absent' };
      value = knownValue(next);
    }
    return { state: 'present', value, node: undefined };
  }
  return { state: 'present', value: current.value(), node: current };
}

/** The value at `path`, or unknown when absent or not static. */
export function valueAt(node: TemplateNode, path: readonly string[]): TemplateValue {
  const found = lookupPath(node, path);
  return found.state === 'present' ? found.value : UNKNOWN_VALUE;
}

/** A known string at `path`, or undefined. */
export function stringAt(node: TemplateNode, path: readonly string[]): string | undefined {
  const value = valueAt(node, path);
  return value.known && typeof value.value === 'string' ? value.value : undefined;
}

/** The resource type without the provider prefix, lower case (`service/apis/policies`), or undefined. */
export function apimTypeOf(resource: TemplateResource): string | undefined {
  const type = resource.type?.toLowerCase();
  const prefix = 'microsoft.apimanagement/';
  return type?.startsWith(prefix) ? type.slice(prefix.length) : undefined;
}

/** Resources of one APIM type (case-insensitive, e.g. `service/backends`), declared (not `existing`). */
export function resourcesOfType(resources: readonly TemplateResource[], apimType: string): TemplateResource[] {
  const wanted = apimType.toLowerCase();
  return resources.filter((resource) => !resource.existing && apimTypeOf(resource) === wanted);
}

/** Strings from a known value compared without case (`"False"`, `false`, `"false"`). */
export function isFalseLike(value: TemplateValue): boolean {
  return value.known && (value.value === false || (typeof value.value === 'string' && value.value.toLowerCase() === 'false'));
}

export function isTrueLike(value: TemplateValue): boolean {
  return value.known && (value.value === true || (typeof value.value === 'string' && value.value.toLowerCase() === 'true'));
}

/** The last segment of a resource's name when known (`policy` in `svc/api/policy`). */
export function ownName(resource: TemplateResource): string | undefined {
  return resource.nameSegments.length === 0 ? undefined : resource.nameSegments[resource.nameSegments.length - 1];
}
