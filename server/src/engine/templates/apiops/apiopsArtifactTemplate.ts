import { ARM_DIALECT } from '../arm/armDialect';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { decodeJsonString } from '../arm/jsonStringText';
import { detectIndentUnit } from '../indentation';
import type { TemplateModel, TemplateNode, TemplateProperty, TemplateResource, TemplateStaticValue } from '../templateModel';
import { UNKNOWN_VALUE, arrayValue, knownValue, lazyTemplateNode, objectValue } from '../templateModel';
import { propertyOf } from '../templateQueries';
import type { ApiopsArtifactPosition } from './apiopsArtifactPosition';

/** Deepest JSON nesting turned into template nodes; deeper values become unknown. */
const MAX_NODE_DEPTH = 256;

/** The model of a file that holds no resource the rules can read (broken JSON, not an object). */
function emptyModel(text: string): TemplateModel {
  return { dialect: ARM_DIALECT, text, resources: [], syntaxFindings: [], indentUnit: detectIndentUnit(text), singleArtifact: true };
}

/** Parses strict-enough JSON; undefined when the text has syntax errors (the JSON editor reports those) or the parser gives up. */
function parseArtifactJson(text: string): JsonNode | undefined {
  try {
    const errors: ParseError[] = [];
    // A byte order mark is not JSON; a space in its place keeps every offset.
    const json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    const tree = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
    return errors.length === 0 ? tree : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The template node of a JSON value. APIOps publishes these files to the REST API as they are, so every
 * value is a literal: a string starting with `[` is text, not an ARM expression. The tree is
 * depth-limited, so this recursion is bounded.
 */
function jsonNode(text: string, json: JsonNode, depth: number): TemplateNode {
  const span = { start: json.offset, end: json.offset + json.length };
  if (depth > MAX_NODE_DEPTH) return lazyTemplateNode('computed', span, [], [], undefined, () => UNKNOWN_VALUE);
  if (json.type === 'object') {
    const properties: TemplateProperty[] = [];
    for (const property of json.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined || valueNode === undefined || typeof keyNode.value !== 'string') continue;
      properties.push({
        key: keyNode.value,
        keySpan: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
        span: { start: property.offset, end: property.offset + property.length },
        value: jsonNode(text, valueNode, depth + 1),
      });
    }
    return lazyTemplateNode('object', span, properties, [], undefined, () => objectValue(properties));
  }
  if (json.type === 'array') {
    const items = (json.children ?? []).map((child) => jsonNode(text, child, depth + 1));
    return lazyTemplateNode('array', span, [], items, undefined, () => arrayValue(items));
  }
  if (json.type === 'string') {
    const value = typeof json.value === 'string' ? json.value : '';
    return lazyTemplateNode('scalar', span, [], [], decodeJsonString(text, json.offset, span.end), () => knownValue(value));
  }
  const value: TemplateStaticValue = json.type === 'number' || json.type === 'boolean' ? (json.value as number | boolean) : null;
  return lazyTemplateNode('scalar', span, [], [], undefined, () => knownValue(value));
}


/** `serviceInformation.json` carries the service's own name; other files are named by their folders. */
function nameSegmentsOf(position: ApiopsArtifactPosition, body: TemplateNode): readonly (string | undefined)[] {
  if (position.nameSegments.length !== 1) return position.nameSegments;
  const name = propertyOf(body, 'name')?.value.value();
  return name?.known && typeof name.value === 'string' ? [name.value] : position.nameSegments;
}

/**
 * Reads one APIOps information file into the shared template model: a single resource of the type its
 * position says, whose body is the file's root object (`properties` has the shape of the ARM resource's
 * `properties`), so the template rules run on it unchanged and their fixes edit the file in place.
 * Broken JSON gives a model without resources. Never throws.
 */
export function readApiopsArtifact(text: string, position: ApiopsArtifactPosition): TemplateModel {
  const tree = parseArtifactJson(text);
  if (tree?.type !== 'object') return emptyModel(text);
  const body = jsonNode(text, tree, 0);
  // Resource-level findings go on the `properties` key, or on the opening brace when there is none.
  const anchor = propertyOf(body, 'properties')?.keySpan ?? { start: tree.offset, end: tree.offset + 1 };
  const resource: TemplateResource = {
    type: position.type,
    apiVersion: undefined,
    nameSegments: nameSegmentsOf(position, body),
    body,
    anchor,
    apiVersionSpan: undefined,
    parent: undefined,
    existing: false,
  };
  return { dialect: ARM_DIALECT, text, resources: [resource], syntaxFindings: [], indentUnit: detectIndentUnit(text), singleArtifact: true };
}
