import { flattenDeepJson } from '../text/flattenDeepJson';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { DiscoveryProblem } from './serviceModel';

/** Reads workspace text by workspace-relative path; undefined when the file cannot be read. */
export type TextReader = (path: string) => string | undefined;

export type JsonObject = { readonly [key: string]: unknown };

/**
 * Parses a JSON artifact tolerantly: broken files (real trees contain placeholders such as
 * `"serviceUrl": [url goes here]`) still yield whatever parsed, and the errors become a problem.
 */
export function readJson(path: string, readText: TextReader, problems: DiscoveryProblem[]): unknown {
  const text = readText(path);
  if (text === undefined) {
    problems.push({ kind: 'unreadable-file', path, message: 'The file could not be read.' });
    return undefined;
  }
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    if (flattenDeepJson(text).flattenedAt !== undefined) throw new RangeError('nested too deeply');
    value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The parser recurses per nesting level; absurdly deep nesting overflows the stack.
    problems.push({ kind: 'invalid-json', path, message: 'The JSON is nested too deeply to read.' });
    return undefined;
  }
  if (errors.length > 0) {
    const first = errors[0];
    problems.push({
      kind: 'invalid-json',
      path,
      message: `Invalid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}); values that could be read are used.`,
    });
  }
  return value;
}

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** ARM-shaped artifacts wrap their settings in `properties`; fall back to the object itself. */
export function propertiesOf(value: unknown): JsonObject | undefined {
  const object = asObject(value);
  if (object === undefined) return undefined;
  return asObject(object.properties) ?? object;
}

export function stringValue(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanValue(object: JsonObject | undefined, key: string): boolean | undefined {
  const value = object?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function arrayValue(object: JsonObject | undefined, key: string): readonly unknown[] {
  const value = object?.[key];
  return Array.isArray(value) ? value : [];
}
