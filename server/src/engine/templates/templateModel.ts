import type { Finding, TextEdit } from '../findings/finding';
import type { Span } from '../text/span';
import type { DecodedText } from './bicep/bicepStringValue';
import type { TemplateDialect } from './templateDialect';

/** A value known before deployment (JSON-shaped). */
export type TemplateStaticValue = string | number | boolean | null | readonly TemplateStaticValue[] | { readonly [key: string]: TemplateStaticValue };

/** What can be known of a value statically; unknown values are never guessed. */
export type TemplateValue = { readonly known: true; readonly value: TemplateStaticValue } | { readonly known: false };

/** Parameter values supplied from outside the template (a parameters file); an unknown entry hides the default. */
export type SuppliedParameters = ReadonlyMap<string, TemplateValue>;

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
  /**
   * The file a Bicep `loadTextContent('x.xml')` (directly or through a `var`) reads, as written: relative to
   * the template's folder. The file's text is the node's value at deployment.
   */
  readonly loadedFile?: string;
  /** True for a bare reference to a parameter whose value a parameters file supplies: known for the deployment, not a guess. */
  readonly supplied?: boolean;
  /**
   * Set on a node that stands for source of another shape (a Terraform attribute or block read as an ARM
   * property): how edits expressed on the ARM shape are written in the source.
   */
  readonly writer?: NodeWriter;
}

/**
 * True when a finding about this value may be wrong because the value is computed: an expression, unless it
 * is a parameter a parameters file supplies. Rules lower such findings to info.
 */
export function isUncertainValue(node: TemplateNode | undefined): boolean {
  return node?.shape === 'computed' && node.supplied !== true;
}

/** Writes ARM-shaped edits of a node in its own source language. */
export interface NodeWriter {
  /** Sets the node to `value`. */
  replace(value: TemplateStaticValue): TextEdit;
  /** Adds ARM-shaped properties to an object node; undefined when they have no counterpart in the source. */
  insert(entries: readonly (readonly [string, TemplateStaticValue])[]): TextEdit | undefined;
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
  /** Set when the template declares one resource per item of a collection (`[for ...]`, ARM `copy`). */
  readonly loop?: TemplateLoop;
}

/** A resource declared in a loop. */
export interface TemplateLoop {
  /**
   * The name segments of each copy, when the collection is known (an unknown segment is undefined);
   * undefined when the collection (or its size) cannot be known.
   */
  copies(): readonly (readonly (string | undefined)[])[] | undefined;
}

/** A Bicep `module` (one call per loop iteration): what it deploys is the module file read with these parameters. */
export interface TemplateModuleCall {
  /** The module's file as written (relative to the template's folder); undefined for a registry reference or an unknown path. */
  readonly path: string | undefined;
  /** One map per deployment of the module: a single one, or one per known loop item (one with loop values unknown otherwise). */
  readonly deployments: readonly ReadonlyMap<string, TemplateValue>[];
  readonly anchor: Span;
}

/** A parameter the template declares (ARM `parameters`, Bicep `param`). */
export interface TemplateParameter {
  readonly name: string;
  readonly nameSpan: Span;
  /** `securestring` / `secureObject` (ARM) or `@secure()` (Bicep): the value stays out of logs and deployment history. */
  readonly secure: boolean;
  readonly hasDefault: boolean;
}

/** A deployment output (ARM `outputs`, Bicep `output`): its value is stored in the deployment history. */
export interface TemplateOutput {
  readonly name: string;
  readonly nameSpan: Span;
  /** `securestring` / `secureObject` (ARM) or `@secure()` (Bicep): the value is not stored. */
  readonly secure: boolean;
  /** The declared type as written (`string`, `object`, ...), undefined when missing or not a plain name. */
  readonly typeName: string | undefined;
  /** The type as written: the ARM `type` value (with its quotes) or the Bicep type. */
  readonly typeSpan: Span | undefined;
  /** Where the declaration starts (Bicep: its first decorator or the `output` keyword; ARM: the output's key). */
  readonly declarationStart: number;
  readonly value: TemplateNode | undefined;
}

export interface TemplateModel {
  readonly dialect: TemplateDialect;
  readonly text: string;
  readonly resources: readonly TemplateResource[];
  /** Declared parameters; absent for files that have none by nature (APIOps artifacts). */
  readonly parameters?: readonly TemplateParameter[];
  /** Declared outputs of the top-level template. */
  readonly outputs?: readonly TemplateOutput[];
  /** Syntax findings of the template itself (Bicep); ARM JSON errors are left to the JSON editor. */
  readonly syntaxFindings: readonly Finding[];
  /** One indentation step as the file writes it, for inserted text. */
  readonly indentUnit: string;
  /**
   * Set for one APIOps artifact file: it holds a single resource and the service's other resources live
   * in other files, so rules about what the whole template lacks stay silent.
   */
  readonly singleArtifact?: boolean;
  /** Local modules the template deploys (Bicep). */
  readonly modules?: readonly TemplateModuleCall[];
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
