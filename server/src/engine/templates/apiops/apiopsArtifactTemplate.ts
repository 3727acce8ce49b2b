import { ARM_DIALECT } from '../arm/armDialect';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { decodeJsonString } from '../arm/jsonStringText';
import { detectIndentUnit } from '../indentation';
import type { TemplateModel, TemplateNode, TemplateProperty, TemplateResource, TemplateStaticValue } from '../templateModel';
import { UNKNOWN_VALUE, arrayValue, knownValue, lazyTemplateNode, objectValue } from '../templateModel';
import { propertyOf } from '../templateQueries';
import type { ApiopsArtifactPosition } from './apiopsArtifactPosition';
import { analysisIncompleteFinding } from '../../findings/analysisIncomplete';
import type { Finding } from '../../findings/finding';
import { flattenDeepJson, MAX_JSON_DEPTH } from '../../text/flattenDeepJson';

/** Deepest JSON nesting turned into template nodes; deeper values become unknown. */
const MAX_NODE_DEPTH = 256;

/** The model of a file that holds no resource the rules can read (broken JSON, not an object). */
function emptyModel(text: string, syntaxFindings: readonly Finding[]): TemplateModel {
  return { dialect: ARM_DIALECT, text, resources: [], syntaxFindings, indentUnit: detectIndentUnit(text), singleArtifact: true };
}

/**
 * Parses strict-enough JSON; no tree when the text has syntax errors (the JSON editor reports those). Nesting
 * deeper than the parser can take is flattened and reported, never silently dropped.
 */
function parseArtifactJson(text: string): { tree: JsonNode | undefined; incomplete: Finding[] } {
  // A byte order mark is not JSON; a space in its place keeps every offset.
  const bounded = flattenDeepJson(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  const incomplete =
    bounded.flattenedAt === undefined
      ? []
      : [
          analysisIncompleteFinding(
            { start: bounded.flattenedAt, end: bounded.flattenedAt + 1 },
            `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep here`,
          ),
        ];
  try {
    const errors: ParseError[] = [];
    const tree = parseTree(bounded.text, errors, { allowTrailingComma: true, disallowComments: false });
    return { tree: errors.length === 0 ? tree : undefined, incomplete };
  } catch (error) {
    return {
      tree: undefined,
      incomplete: [analysisIncompleteFinding({ start: 0, end: 0 }, `the JSON could not be parsed (${error instanceof Error ? error.message : String(error)})`)],
    };
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
  const { tree, incomplete } = parseArtifactJson(text);
  if (tree?.type !== 'object') return emptyModel(text, incomplete);
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
  return { dialect: ARM_DIALECT, text, resources: [resource], syntaxFindings: incomplete, indentUnit: detectIndentUnit(text), singleArtifact: true };
}
