import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { XmlDocument } from '../../../server/src/engine/policy/syntaxTree';
import type { DocumentSource } from '../../../server/src/engine/workspace/effectivePolicy';
import type { TextReader } from '../../../server/src/engine/workspace/jsonValues';

/** A workspace as discovery and effective-policy computation see it: paths, text and parsed documents. */
export interface TestWorkspace {
  readonly paths: string[];
  readonly readText: TextReader;
  readonly documentFor: DocumentSource;
  /** How many times each path was read, to check discovery reads each file once. */
  readonly reads: Map<string, number>;
}

/** Every file under `folder`, with paths relative to it. */
export function folderWorkspace(folder: string): TestWorkspace {
  const paths: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(folder, relative))) {
      const child = relative === '' ? name : `${relative}/${name}`;
      if (statSync(join(folder, child)).isDirectory()) walk(child);
      else paths.push(child);
    }
  };
  walk('');
  return workspaceOf(paths, (path) => {
    try {
      return readFileSync(join(folder, path), 'utf8');
    } catch {
      return undefined;
    }
  });
}

/** An in-memory workspace from `path -> text`. */
export function memoryWorkspace(files: Readonly<Record<string, string>>): TestWorkspace {
  return workspaceOf(Object.keys(files), (path) => files[path]);
}

function workspaceOf(paths: string[], read: (path: string) => string | undefined): TestWorkspace {
  const reads = new Map<string, number>();
  const readText: TextReader = (path) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    return read(path);
  };
  const documents = new Map<string, XmlDocument | undefined>();
  const documentFor: DocumentSource = (path) => {
    if (!documents.has(path)) {
      const text = read(path);
      documents.set(path, text === undefined ? undefined : parsePolicy(text).document);
    }
    return documents.get(path);
  };
  return { paths, readText, documentFor, reads };
}

/** A policy document with the given section bodies; a section given as `null` is left out. */
export function policyText(sections: { inbound?: string | null; backend?: string | null; outbound?: string | null; onError?: string | null }): string {
  const section = (name: string, body: string | null | undefined): string => {
    if (body === null) return '';
    return `  <${name}>\n    ${body ?? '<base />'}\n  </${name}>\n`;
  };
  return `<policies>\n${section('inbound', sections.inbound)}${section('backend', sections.backend)}${section('outbound', sections.outbound)}${section('on-error', sections.onError)}</policies>\n`;
}
