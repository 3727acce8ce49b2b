import { flattenDeepJson } from '../text/flattenDeepJson';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { TextReader } from './jsonValues';
import type { DiscoveryProblem } from './serviceModel';
import { yamlPathsOutline } from './yamlPathsOutline';

/**
 * The operations an API's OpenAPI (2 or 3) specification declares, by `operationId`. APIM writes each
 * operation's resource name as its `operationId` when it exports a specification, so in classic APIOps
 * trees (which have no operation information file) this is where an operation's method comes from.
 */

export interface SpecificationOperation {
  /** Upper case: `GET`, `POST`, ... */
  readonly method: string;
  /** The path key, relative to the API's base path (`/orders/{id}`). */
  readonly urlTemplate: string;
}

/** Specification file names read for their operations, most preferred first; `.graphql`, `.wsdl` and `.wadl` are not. */
export const SPECIFICATION_FILES: readonly string[] = ['specification.yaml', 'specification.yml', 'specification.json'];

/** The name tried when no specification file was listed: file listings often leave YAML out, and APIOps writes YAML by default. */
export const DEFAULT_SPECIFICATION_FILE = 'specification.yaml';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Reads the operations of a specification file; undefined when the file cannot be read (a problem only when
 * `listed`, since an unlisted file is a guess) or has no `paths`. Broken files yield what could be read plus a problem.
 */
export function readSpecificationOperations(
  path: string,
  readText: TextReader,
  problems: DiscoveryProblem[],
  listed: boolean,
): ReadonlyMap<string, SpecificationOperation> | undefined {
  const text = readText(path);
  if (text === undefined) {
    if (listed) problems.push({ kind: 'unreadable-file', path, message: 'The file could not be read.' });
    return undefined;
  }
  const operations = new Map<string, SpecificationOperation>();
  const add = (urlTemplate: string, method: string, operationId: unknown): void => {
    if (!HTTP_METHODS.has(method.toLowerCase()) || typeof operationId !== 'string' || operations.has(operationId)) return;
    operations.set(operationId, { method: method.toUpperCase(), urlTemplate });
  };
  const read = path.toLowerCase().endsWith('.json') ? readJsonPaths(text, add) : readYamlPaths(text, add);
  const problem = read.problem ?? (read.hasPaths ? undefined : 'The specification has no paths, so no operation methods could be read.');
  if (problem !== undefined) problems.push({ kind: 'invalid-specification', path, message: problem });
  return read.hasPaths ? operations : undefined;
}

type OperationSink = (urlTemplate: string, method: string, operationId: unknown) => void;

/** Whether the file has a `paths` collection, and what was wrong with it (a message), if anything. */
interface PathsReading {
  readonly hasPaths: boolean;
  readonly problem: string | undefined;
}

/** Walks `paths` of a JSON specification without converting the rest. */
function readJsonPaths(text: string, add: OperationSink): PathsReading {
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    if (flattenDeepJson(text).flattenedAt !== undefined) throw new RangeError('nested too deeply');
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The parser recurses per nesting level; absurdly deep nesting overflows the stack.
    return { hasPaths: false, problem: 'The JSON is nested too deeply to read.' };
  }
  const paths = root === undefined ? undefined : findNodeAtLocation(root, ['paths']);
  for (const [urlTemplate, pathItem] of jsonProperties(paths)) {
    for (const [method, operation] of jsonProperties(pathItem)) {
      const operationId = jsonProperties(operation).find(([key]) => key === 'operationId')?.[1];
      add(urlTemplate, method, operationId?.type === 'string' ? operationId.value : undefined);
    }
  }
  const first = errors[0];
  return {
    hasPaths: paths?.type === 'object',
    problem:
      first === undefined ? undefined : `Invalid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}); operations that could be read are used.`,
  };
}

function jsonProperties(node: JsonNode | undefined): [string, JsonNode][] {
  if (node?.type !== 'object') return [];
  const properties: [string, JsonNode][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (typeof key?.value === 'string' && value !== undefined) properties.push([key.value, value]);
  }
  return properties;
}

/**
 * Walks `paths` of a YAML specification. The outline of `paths` is parsed when it can be made and parses
 * cleanly; otherwise the whole file, whose errors are then the problem reported.
 */
function readYamlPaths(text: string, add: OperationSink): PathsReading {
  const outline = yamlPathsOutline(text);
  let parsed = outline === undefined ? undefined : parseYaml(outline);
  if (parsed === undefined || parsed.problem !== undefined || !isMap(parsed.paths)) parsed = parseYaml(text);
  const paths = parsed.paths;
  if (isMap(paths)) {
    for (const pathPair of paths.items) {
      const urlTemplate = scalarString(pathPair.key);
      if (urlTemplate === undefined || !isMap(pathPair.value)) continue;
      for (const operationPair of pathPair.value.items) {
        const method = scalarString(operationPair.key);
        if (method === undefined || !isMap(operationPair.value)) continue;
        add(urlTemplate, method, operationPair.value.get('operationId'));
      }
    }
  }
  return { hasPaths: isMap(paths), problem: parsed.problem };
}

/** The `paths` node of a YAML text (whatever it is), and the first error as a problem message. */
function parseYaml(text: string): { paths: unknown; problem: string | undefined } {
  try {
    // failsafe: every scalar stays a string, so an operationId such as 647e0514 is not read as a number.
    const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    const first = document.errors[0];
    const problem = first === undefined ? undefined : `Invalid YAML (${first.code} at offset ${first.pos[0]}); operations that could be read are used.`;
    return { paths: document.get('paths', true), problem };
  } catch (error) {
    // The library reports problems as data; this guards discovery against anything it still throws.
    return { paths: undefined, problem: `The YAML could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}
