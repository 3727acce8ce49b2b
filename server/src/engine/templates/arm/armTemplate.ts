import { ARM_DIALECT } from './armDialect';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type {
  SuppliedParameters,
  TemplateLoop,
  TemplateModel,
  TemplateNode,
  TemplateOutput,
  TemplateParameter,
  TemplateProperty,
  TemplateResource,
  TemplateStaticValue,
  TemplateValue,
} from '../templateModel';
import { UNKNOWN_VALUE, arrayValue, knownValue, lazyTemplateNode, objectValue } from '../templateModel';
import { detectIndentUnit } from '../indentation';
import { armLiteralText, evaluateArmExpression, isArmExpression, type ArmScope } from './armExpression';
import { decodeJsonString } from './jsonStringText';
import { analysisIncompleteFinding } from '../../findings/analysisIncomplete';
import type { Finding } from '../../findings/finding';
import { flattenDeepJson, MAX_JSON_DEPTH } from '../../text/flattenDeepJson';

/** Deepest JSON nesting turned into template nodes; deeper values become computed and unknown. */
const MAX_NODE_DEPTH = 256;
/** Nested deployments followed inside one template. */
const MAX_DEPLOYMENT_DEPTH = 8;

export type { SuppliedParameters } from '../templateModel';

/** Parses JSON tolerantly; undefined when even that fails. */
export function parseJsonTree(text: string): JsonNode | undefined {
  return parseJsonTreeReporting(text).tree;
}

/** Like parseJsonTree, with a finding when part of the text could not be parsed (nesting too deep). */
export function parseJsonTreeReporting(text: string): { tree: JsonNode | undefined; incomplete: Finding | undefined } {
  // A byte order mark is not JSON; a space in its place keeps every offset.
  const bounded = flattenDeepJson(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  const incomplete =
    bounded.flattenedAt === undefined
      ? undefined
      : analysisIncompleteFinding(
          { start: bounded.flattenedAt, end: bounded.flattenedAt + 1 },
          `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep here`,
        );
  try {
    const errors: ParseError[] = [];
    return { tree: parseTree(bounded.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true }), incomplete };
  } catch (error) {
    return {
      tree: undefined,
      incomplete: analysisIncompleteFinding({ start: 0, end: 0 }, `the JSON could not be parsed (${error instanceof Error ? error.message : String(error)})`),
    };
  }
}

function objectProperty(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  let loose: JsonNode | undefined;
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    if (typeof keyNode?.value !== 'string') continue;
    if (keyNode.value === key) return property.children?.[1];
    if (loose === undefined && keyNode.value.toLowerCase() === lower) loose = property.children?.[1];
  }
  return loose;
}

class ArmTemplateReader implements ArmScope {
  private readonly parameterCache = new Map<string, TemplateValue>();
  private readonly variableCache = new Map<string, TemplateValue>();
  private readonly active = new Set<string>();
  private readonly parameters: JsonNode | undefined;
  private readonly variables: JsonNode | undefined;

  constructor(
    private readonly text: string,
    template: JsonNode,
    private readonly supplied: SuppliedParameters,
  ) {
    this.parameters = objectProperty(template, 'parameters');
    this.variables = objectProperty(template, 'variables');
  }

  /** This scope while evaluating one copy of a `copy` loop. */
  withCopy(copy: { readonly name: string | undefined; readonly index: number }): ArmScope {
    return { parameter: (name) => this.parameter(name), variable: (name) => this.variable(name), copy };
  }

  parameter(name: string): TemplateValue {
    return this.cached(this.parameterCache, `p:${name}`, name, () => {
      const suppliedKey = [...this.supplied.keys()].find((key) => key.toLowerCase() === name.toLowerCase());
      if (suppliedKey !== undefined) return this.supplied.get(suppliedKey) as TemplateValue;
      const declaration = objectProperty(this.parameters, name);
      const defaultValue = objectProperty(declaration, 'defaultValue');
      return defaultValue === undefined ? UNKNOWN_VALUE : this.node(defaultValue, 0).value();
    });
  }

  variable(name: string): TemplateValue {
    return this.cached(this.variableCache, `v:${name}`, name, () => {
      const definition = objectProperty(this.variables, name);
      return definition === undefined ? UNKNOWN_VALUE : this.node(definition, 0).value();
    });
  }

  /** Evaluates once; a reference cycle (a parameter default naming itself) is unknown. */
  private cached(cache: Map<string, TemplateValue>, key: string, name: string, compute: () => TemplateValue): TemplateValue {
    const done = cache.get(name);
    if (done !== undefined) return done;
    if (this.active.has(key) || this.active.size > 64) return UNKNOWN_VALUE;
    this.active.add(key);
    const value = compute();
    this.active.delete(key);
    cache.set(name, value);
    return value;
  }

  /**
   * The text of a literal string that `[variables('x')]` or `[parameters('x')]` (by its default, when no
   * value is supplied) stands for, so a policy kept in a variable maps back into the variable.
   */
  private referencedLiteral(source: string): TemplateNode['literalText'] {
    const match = /^\s*(variables|parameters)\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(source);
    if (!match) return undefined;
    const [, kind, name] = match;
    const isVariable = kind.toLowerCase() === 'variables';
    if (!isVariable && [...this.supplied.keys()].some((key) => key.toLowerCase() === name.toLowerCase())) return undefined;
    const json = isVariable ? objectProperty(this.variables, name) : objectProperty(objectProperty(this.parameters, name), 'defaultValue');
    if (json?.type !== 'string' || typeof json.value !== 'string' || isArmExpression(json.value) || json.value.startsWith('[[')) return undefined;
    return decodeJsonString(this.text, json.offset, json.offset + json.length);
  }

  /** True for `[parameters('x')]` alone when a parameters file supplies a known value for x. */
  private isSuppliedParameter(source: string): boolean {
    const match = /^\s*parameters\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(source);
    if (!match) return false;
    const suppliedKey = [...this.supplied.keys()].find((key) => key.toLowerCase() === match[1].toLowerCase());
    return suppliedKey !== undefined && this.supplied.get(suppliedKey)?.known === true;
  }

  /** Builds the template node of a JSON value. */
  node(json: JsonNode, depth: number): TemplateNode {
    const span = { start: json.offset, end: json.offset + json.length };
    if (depth > MAX_NODE_DEPTH) return computedNode(span, () => UNKNOWN_VALUE);
    if (json.type === 'object') {
      const properties: TemplateProperty[] = [];
      for (const property of json.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined || valueNode === undefined || typeof keyNode.value !== 'string') continue;
        properties.push({
          key: keyNode.value,
          keySpan: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
          span: { start: property.offset, end: property.offset + property.length },
          value: this.node(valueNode, depth + 1),
        });
      }
      return lazyTemplateNode('object', span, properties, [], undefined, () => objectValue(properties));
    }
    if (json.type === 'array') {
      const items = (json.children ?? []).map((child) => this.node(child, depth + 1));
      return lazyTemplateNode('array', span, [], items, undefined, () => arrayValue(items));
    }
    if (json.type === 'string') {
      const raw = typeof json.value === 'string' ? json.value : '';
      if (isArmExpression(raw)) {
        const source = raw.trim().slice(1, -1);
        const computed = lazyTemplateNode('computed', span, [], [], this.referencedLiteral(source), () => evaluateArmExpression(source, this));
        return this.isSuppliedParameter(source) ? { ...computed, supplied: true } : computed;
      }
      const literalText = decodeJsonString(this.text, json.offset, json.offset + json.length);
      return lazyTemplateNode('scalar', span, [], [], literalText, () => knownValue(armLiteralText(raw)));
    }
    const value: TemplateStaticValue = json.type === 'number' || json.type === 'boolean' ? (json.value as number | boolean) : null;
    return lazyTemplateNode('scalar', span, [], [], undefined, () => knownValue(value));
  }
}

function computedNode(span: TemplateNode['span'], compute: () => TemplateValue): TemplateNode {
  return lazyTemplateNode('computed', span, [], [], undefined, compute);
}

function stringValue(node: TemplateNode | undefined): string | undefined {
  const value = node?.value();
  return value?.known && typeof value.value === 'string' ? value.value : undefined;
}

function spanOf(json: JsonNode | undefined): TemplateNode['span'] | undefined {
  return json === undefined ? undefined : { start: json.offset, end: json.offset + json.length };
}

/** The resources of an ARM template: `resources` as an array, or (languageVersion 2.0) an object keyed by symbolic name. */
function resourceEntries(resources: JsonNode | undefined): JsonNode[] {
  if (resources?.type === 'array') return (resources.children ?? []).filter((child) => child.type === 'object');
  if (resources?.type === 'object')
    return (resources.children ?? []).map((property) => property.children?.[1]).filter((child): child is JsonNode => child?.type === 'object');
  return [];
}

/** Copies unrolled up to this many; a larger count counts as unknown. */
const MAX_COPIES = 5000;

/** The `copy` loop of a resource: its name evaluated once per index, when the count is known. */
function copyLoop(json: JsonNode, body: TemplateNode, reader: ArmTemplateReader, parent: TemplateResource | undefined): { loop?: TemplateLoop } {
  const copy = objectProperty(json, 'copy');
  if (copy?.type !== 'object') return {};
  const nameJson = objectProperty(json, 'name');
  const countNode = body.properties
    .find((property) => property.key.toLowerCase() === 'copy')
    ?.value.properties.find((property) => property.key.toLowerCase() === 'count')?.value;
  const copyName = objectProperty(copy, 'name')?.value;
  let memo: { copies: (string | undefined)[][] | undefined } | undefined;
  const copies = (): (string | undefined)[][] | undefined => {
    const count = countNode?.value();
    if (count === undefined || !count.known || typeof count.value !== 'number' || count.value < 0 || count.value > MAX_COPIES) return undefined;
    const source = typeof nameJson?.value === 'string' ? nameJson.value : undefined;
    return Array.from({ length: count.value }, (_, index) => {
      const value =
        source === undefined
          ? UNKNOWN_VALUE
          : isArmExpression(source)
            ? evaluateArmExpression(source.trim().slice(1, -1), reader.withCopy({ name: typeof copyName === 'string' ? copyName : undefined, index }))
            : knownValue(armLiteralText(source));
      const own = value.known && typeof value.value === 'string' ? value.value.split('/') : [undefined];
      return parent === undefined ? own : [...parent.nameSegments, ...own];
    });
  };
  return { loop: { copies: () => (memo ??= { copies: copies() }).copies } };
}

/** Reads the resources of one template (and of nested inline deployments, each in its own scope). */
function readResources(text: string, template: JsonNode, reader: ArmTemplateReader, depth: number, output: TemplateResource[]): void {
  const pending: Array<{ json: JsonNode; parent: TemplateResource | undefined }> = resourceEntries(objectProperty(template, 'resources')).map((json) => ({
    json,
    parent: undefined,
  }));
  pending.reverse();
  while (pending.length > 0) {
    const { json, parent } = pending.pop() as { json: JsonNode; parent: TemplateResource | undefined };
    const body = reader.node(json, 1);
    const typeJson = objectProperty(json, 'type');
    const typeText = typeof typeJson?.value === 'string' ? typeJson.value : undefined;
    // A nested resource's type is relative to its parent (`apis` under `Microsoft.ApiManagement/service`).
    const type =
      typeText === undefined
        ? undefined
        : parent !== undefined && !typeText.includes('.')
          ? parent.type === undefined
            ? undefined
            : `${parent.type}/${typeText}`
          : typeText;
    const nameValue = stringValue(body.properties.find((property) => property.key.toLowerCase() === 'name')?.value);
    const ownSegments: (string | undefined)[] = nameValue === undefined ? [undefined] : nameValue.split('/');
    const nameSegments = parent !== undefined && typeText !== undefined && !typeText.includes('.') ? [...parent.nameSegments, ...ownSegments] : ownSegments;
    const apiVersionJson = objectProperty(json, 'apiVersion');
    const resource: TemplateResource = {
      type,
      apiVersion: typeof apiVersionJson?.value === 'string' && !isArmExpression(apiVersionJson.value) ? apiVersionJson.value : parent?.apiVersion,
      nameSegments,
      body,
      anchor: spanOf(typeJson) ?? { start: json.offset, end: json.offset + 1 },
      apiVersionSpan: spanOf(apiVersionJson),
      parent,
      existing: objectProperty(json, 'existing')?.value === true,
      ...copyLoop(json, body, reader, parent),
    };
    output.push(resource);
    const children = resourceEntries(objectProperty(json, 'resources'));
    for (let i = children.length - 1; i >= 0; i--) pending.push({ json: children[i], parent: resource });
    if (type?.toLowerCase() === 'microsoft.resources/deployments' && depth < MAX_DEPLOYMENT_DEPTH) {
      const inner = objectProperty(objectProperty(json, 'properties'), 'template');
      if (inner?.type === 'object') readResources(text, inner, nestedScope(text, reader, json, inner), depth + 1, output);
    }
  }
}

/**
 * The names a nested deployment's template sees. By default (`outer` evaluation) its expressions use the
 * outer template's parameters and variables; with `inner` evaluation it has its own, and the values the
 * deployment passes are evaluated in the outer template.
 */
function nestedScope(text: string, outer: ArmTemplateReader, deployment: JsonNode, inner: JsonNode): ArmTemplateReader {
  const properties = objectProperty(deployment, 'properties');
  const scope = objectProperty(objectProperty(properties, 'expressionEvaluationOptions'), 'scope');
  if (!(typeof scope?.value === 'string' && scope.value.toLowerCase() === 'inner')) return outer;
  const supplied = new Map<string, TemplateValue>();
  for (const property of objectProperty(properties, 'parameters')?.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (typeof keyNode?.value !== 'string') continue;
    const value = objectProperty(valueNode, 'value');
    supplied.set(keyNode.value, value !== undefined ? outer.node(value, 0).value() : UNKNOWN_VALUE);
  }
  return new ArmTemplateReader(text, inner, supplied);
}

/** True when JSON text declares an ARM deployment template in its `$schema`. */
export function looksLikeArmTemplate(text: string): boolean {
  return /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(text.slice(0, 4096));
}

const SECURE_TYPES = new Set(['securestring', 'secureobject']);

function declaredType(declaration: JsonNode | undefined): JsonNode | undefined {
  const type = objectProperty(declaration, 'type');
  return typeof type?.value === 'string' ? type : undefined;
}

/** The keyed declarations of `parameters` or `outputs`: key node and declaration object. */
function declarations(section: JsonNode | undefined): { key: JsonNode; declaration: JsonNode }[] {
  if (section?.type !== 'object') return [];
  const found: { key: JsonNode; declaration: JsonNode }[] = [];
  for (const property of section.children ?? []) {
    const [key, declaration] = property.children ?? [];
    if (typeof key?.value === 'string' && declaration?.type === 'object') found.push({ key, declaration });
  }
  return found;
}

function readParameters(template: JsonNode): TemplateParameter[] {
  return declarations(objectProperty(template, 'parameters')).map(({ key, declaration }) => ({
    name: key.value as string,
    nameSpan: spanOf(key) as TemplateNode['span'],
    secure: SECURE_TYPES.has(String(declaredType(declaration)?.value).toLowerCase()),
    hasDefault: objectProperty(declaration, 'defaultValue') !== undefined,
  }));
}

function readOutputs(template: JsonNode, reader: ArmTemplateReader): TemplateOutput[] {
  return declarations(objectProperty(template, 'outputs')).map(({ key, declaration }) => {
    const type = declaredType(declaration);
    const value = objectProperty(declaration, 'value');
    return {
      name: key.value as string,
      nameSpan: spanOf(key) as TemplateNode['span'],
      secure: SECURE_TYPES.has(String(type?.value).toLowerCase()),
      typeName: type?.value as string | undefined,
      typeSpan: spanOf(type),
      declarationStart: key.offset,
      value: value === undefined ? undefined : reader.node(value, 1),
    };
  });
}

/** Reads an ARM template into the shared template model. Never throws. */
export function readArmTemplate(text: string, supplied: SuppliedParameters = new Map()): TemplateModel {
  const { tree, incomplete } = parseJsonTreeReporting(text);
  const resources: TemplateResource[] = [];
  const syntaxFindings = incomplete ? [incomplete] : [];
  if (tree?.type !== 'object') return { dialect: ARM_DIALECT, text, resources, syntaxFindings, indentUnit: detectIndentUnit(text) };
  const reader = new ArmTemplateReader(text, tree, supplied);
  readResources(text, tree, reader, 0, resources);
  return {
    dialect: ARM_DIALECT,
    text,
    resources,
    parameters: readParameters(tree),
    outputs: readOutputs(tree, reader),
    syntaxFindings,
    indentUnit: detectIndentUnit(text),
  };
}
