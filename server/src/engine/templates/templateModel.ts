import type { Finding } from '../findings/finding';
import type { Span } from '../text/span';
import type { DecodedText } from './bicep/bicepStringValue';
import type { TemplateDialect } from './templateDialect';


/** A value known before deployment (JSON-shaped). */
export type TemplateStaticValue =
  | string
  | number
  | boolean
  | null
  | readonly TemplateStaticValue[]
  | { readonly [key: string]: TemplateStaticValue };

/** What can be known of a value statically; unknown values are never guessed. */
export type TemplateValue = { readonly known: true; readonly value: TemplateStaticValue } | { readonly known: false };

export const UNKNOWN_VALUE: TemplateValue = { known: false };

export function knownValue(value: TemplateStaticValue): TemplateValue {
  return { known: true, value };
}

/**
 * One value as written in the template. `object` and `array` are literal structures whose members are
 * nodes too; `scalar` is a literal string, number, boolean or null; `computed` is anything else (an
 * ARM `[...]` expression, a Bicep reference, call or interpolated string) and only has a value when
 * it can be evaluated.
 */
export interface TemplateNode {
  readonly shape: 'object' | 'array' | 'scalar' | 'computed';
  readonly span: Span;
  readonly properties: readonly TemplateProperty[];
  readonly items: readonly TemplateNode[];
  /** The decoded text of a literal string with the map back to the source (for embedded documents and exact edits). */
  readonly literalText: DecodedText | undefined;
  /** The value, evaluated on demand. */
  value(): TemplateValue;
  /**
   * An object with members whose keys are not written out (a Bicep spread `...(cond ? { a: 1 } : {})`): a key
   * missing from `properties` may still be set.
   */
  readonly hasSpreadMembers?: boolean;
}

export interface TemplateProperty {
  readonly key: string;
  readonly keySpan: Span;
  /** From the key through the value. */
  readonly span: Span;
  readonly value: TemplateNode;
}

/** A `Microsoft.ApiManagement/*` resource (or any other resource) with what the template states about it. */
export interface TemplateResource {
  /** Full type, e.g. `Microsoft.ApiManagement/service/apis/policies`; undefined when not static. */
  readonly type: string | undefined;
  readonly apiVersion: string | undefined;
  /** Name segments from the service down (`['svc', 'api', 'policy']`); an unknown segment is undefined. */
  readonly nameSegments: readonly (string | undefined)[];
  /** The resource's own object (ARM) or body (Bicep). */
  readonly body: TemplateNode;
  /** Where resource-level findings go: the type string. */
  readonly anchor: Span;
  /** The apiVersion text, for findings about it. */
  readonly apiVersionSpan: Span | undefined;
  readonly parent: TemplateResource | undefined;
  /** A Bicep `existing` reference: the template does not set its properties. */
  readonly existing: boolean;
}

export interface TemplateModel {
  readonly dialect: TemplateDialect;
  readonly text: string;
  readonly resources: readonly TemplateResource[];
  /** Syntax findings of the template itself (Bicep); ARM JSON errors are left to the JSON editor. */
  readonly syntaxFindings: readonly Finding[];
  /** One indentation step as the file writes it, for inserted text. */
  readonly indentUnit: string;
  /**
   * Set for one APIOps artifact file: it holds a single resource and the service's other resources live
   * in other files, so rules about what the whole template lacks stay silent.
   */
  readonly singleArtifact?: boolean;
}

/** A node whose value is computed once, on first use (most rules never ask for most values). */
export function lazyTemplateNode(
  shape: TemplateNode['shape'],
  span: TemplateNode['span'],
  properties: readonly TemplateProperty[],
  items: readonly TemplateNode[],
  literalText: TemplateNode['literalText'],
  compute: () => TemplateValue,
  hasSpreadMembers = false,
): TemplateNode {
  let memo: TemplateValue | undefined;
  return { shape, span, properties, items, literalText, value: () => (memo ??= compute()), ...(hasSpreadMembers ? { hasSpreadMembers } : {}) };
}

/** The value of an object node: known when every member is. */
export function objectValue(properties: readonly TemplateProperty[]): TemplateValue {
  const value: { [key: string]: TemplateStaticValue } = {};
  for (const property of properties) {
    const member = property.value.value();
    if (!member.known) return UNKNOWN_VALUE;
    value[property.key] = member.value;
  }
  return knownValue(value);
}

/** The value of an array node: known when every item is. */
export function arrayValue(items: readonly TemplateNode[]): TemplateValue {
  const values: TemplateStaticValue[] = [];
  for (const item of items) {
    const value = item.value();
    if (!value.known) return UNKNOWN_VALUE;
    values.push(value.value);
  }
  return knownValue(values);
}
