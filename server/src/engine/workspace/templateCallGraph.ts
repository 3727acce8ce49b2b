import { posix } from 'node:path';
import { looksLikeArmTemplate } from '../templates/arm/armTemplate';
import type { TextReader } from './jsonValues';

/**
 * Which template files of a folder call which: Bicep modules, ARM linked templates and Terraform module
 * folders (every `.tf` file of a folder is one Terraform module). Found from the text alone, without
 * parsing, because a folder may hold hundreds of templates and this only needs their references.
 */
export interface TemplateCallGraph {
  /** The folder's template files (workspace-relative, `/`-separated). */
  readonly templates: readonly string[];
  /** The template files a template calls. */
  calleesOf(path: string): readonly string[];
  /** The template files that call a template. */
  callersOf(path: string): readonly string[];
  /** A template calls something the folder does not show: a registry module, a template spec, a URL, a missing file. */
  callsUnseen(path: string): boolean;
  /** A template deployed on its own with its own parameters file (`.bicepparam` naming it, `<name>.parameters.json`). */
  hasOwnParameters(path: string): boolean;
}

const BICEP_MODULE = /^[ \t]*module\s+[A-Za-z_][A-Za-z0-9_]*\s+'([^'$]*)'/gm;
const TERRAFORM_MODULE_SOURCE = /^[ \t]*module\s+"[^"]*"\s*\{[^}]*?\bsource\s*=\s*"([^"]*)"/gm;
const ARM_TEMPLATE_LINK = /"templateLink"\s*:\s*\{([^}]*)\}/g;
const ARM_RELATIVE_PATH = /"relativePath"\s*:\s*"([^"]+)"|'([^'"[\]]+\.json)'/;
const BICEPPARAM_USING = /^[ \t]*using\s+'([^']+)'/m;

/** The paths Bicep `module` declarations name, as written (local paths and registry references). */
export function bicepModuleReferences(text: string): string[] {
  return [...text.matchAll(BICEP_MODULE)].map((match) => match[1]);
}

/** Whether a folder file is a template this graph follows: Bicep, Terraform, or a JSON ARM deployment template. */
function isTemplate(path: string, readText: TextReader): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.bicep') || lower.endsWith('.tf')) return true;
  if (!lower.endsWith('.json') || lower.endsWith('.parameters.json')) return false;
  const text = readText(path);
  return text !== undefined && looksLikeArmTemplate(text);
}

/** A local reference resolved against the calling file's folder; undefined when it is not a local path. */
function localTarget(from: string, reference: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('br/') || reference.startsWith('ts/')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(from), reference));
  return target.startsWith('../') ? undefined : target.replace(/\/$/, '');
}

/** What one template's text calls: local paths (files, or folders for Terraform) and whether anything else is called. */
function referencesOf(path: string, text: string): { local: string[]; unseen: boolean } {
  const lower = path.toLowerCase();
  const written: (string | undefined)[] = [];
  if (lower.endsWith('.bicep')) written.push(...bicepModuleReferences(text));
  else if (lower.endsWith('.tf')) written.push(...[...text.matchAll(TERRAFORM_MODULE_SOURCE)].map((match) => match[1]));
  else {
    for (const link of text.matchAll(ARM_TEMPLATE_LINK)) {
      const relative = ARM_RELATIVE_PATH.exec(link[1]);
      written.push(relative === null ? undefined : (relative[1] ?? relative[2]));
    }
  }
  const local: string[] = [];
  let unseen = false;
  for (const reference of written) {
    const target = reference === undefined ? undefined : localTarget(path, reference);
    if (target === undefined) unseen = true;
    else local.push(target);
  }
  return { local, unseen };
}

/** The templates some parameters file of the folder is written for. */
function parameterisedTemplates(paths: readonly string[], readText: TextReader): (path: string) => boolean {
  const all = new Set(paths.map((path) => path.replace(/\\/g, '/')));
  const named = new Set<string>();
  for (const path of all) {
    if (!path.toLowerCase().endsWith('.bicepparam')) continue;
    const using = BICEPPARAM_USING.exec(readText(path) ?? '');
    const target = using === null ? undefined : localTarget(path, using[1]);
    if (target !== undefined) named.add(target);
  }
  return (path) =>
    named.has(path) || all.has(path.replace(/(?:\.template)?\.json$/i, '.parameters.json')) || all.has(path.replace(/\.json$/i, '.parameters.json'));
}

export function buildTemplateCallGraph(paths: readonly string[], readText: TextReader): TemplateCallGraph {
  const templates = paths.map((path) => path.replace(/\\/g, '/')).filter((path) => isTemplate(path, readText));
  const known = new Set(templates);
  const terraformFolders = new Map<string, string[]>();
  for (const path of templates.filter((candidate) => candidate.toLowerCase().endsWith('.tf'))) {
    const folder = posix.dirname(path);
    terraformFolders.set(folder, [...(terraformFolders.get(folder) ?? []), path]);
  }
  const callees = new Map<string, string[]>();
  const callers = new Map<string, string[]>();
  const unseen = new Set<string>();
  for (const path of templates) {
    const references = referencesOf(path, readText(path) ?? '');
    if (references.unseen) unseen.add(path);
    const targets = new Set<string>();
    for (const target of references.local) {
      const resolved = known.has(target) ? [target] : (terraformFolders.get(target) ?? []);
      if (resolved.length === 0) unseen.add(path);
      for (const file of resolved) targets.add(file);
    }
    targets.delete(path);
    callees.set(path, [...targets]);
    for (const target of targets) callers.set(target, [...(callers.get(target) ?? []), path]);
  }
  return {
    templates,
    hasOwnParameters: parameterisedTemplates(paths, readText),
    calleesOf: (path) => callees.get(path) ?? [],
    callersOf: (path) => callers.get(path) ?? [],
    callsUnseen: (path) => unseen.has(path),
  };
}
