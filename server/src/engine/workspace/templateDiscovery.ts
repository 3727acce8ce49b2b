import { posix } from 'node:path';
import { parameterFileCandidates, readParameterFile } from '../templates/arm/armParameterFile';
import { looksLikeArmTemplate, readArmTemplate, type SuppliedParameters } from '../templates/arm/armTemplate';
import { readBicepTemplate } from '../templates/bicepTemplate';
import { APIM_DECLARATION, readTerraformModuleTemplates } from '../templates/terraformTemplate';
import type { TemplateModel } from '../templates/templateModel';
import type { TextReader } from './jsonValues';
import { discoverServiceModel } from './layoutDiscovery';
import { bicepModuleReferences } from './templateCallGraph';
import type { ServiceModel } from './serviceModel';
import { buildTemplateServices, type TemplateSource } from './templateServiceModel';

/**
 * The service model of a folder: its APIOps trees plus the services its ARM, Bicep and Terraform templates deploy.
 * XML files a template loads become policy files of their scope (even when their name looks loose).
 */
export function discoverWorkspaceModel(paths: readonly string[], readText: TextReader): ServiceModel {
  const apiops = discoverServiceModel(paths, readText);
  const normalized = paths.map((candidate) => candidate.replace(/\\/g, '/'));
  const bicepFiles = normalized.filter((path) => path.toLowerCase().endsWith('.bicep'));
  const bicepStems = new Set(bicepFiles.map((path) => path.slice(0, -'.bicep'.length).toLowerCase()));
  const called = calledModules(bicepFiles, readText);
  const templates: TemplateSource[] = [];
  for (const path of normalized) {
    // `main.json` beside `main.bicep` is its build output: the same service, declared once.
    if (path.toLowerCase().endsWith('.json') && bicepStems.has(path.slice(0, -'.json'.length).toLowerCase())) continue;
    // A module is read through its callers, with their arguments; reading it alone too would only cost memory.
    if (called.has(path)) continue;
    const model = readTemplateFile(path, readText);
    if (model !== undefined) templates.push({ path, model });
  }
  templates.push(...terraformTemplates(normalized, readText));
  if (templates.length === 0) return apiops;
  const services = buildTemplateServices(templates, (path, parameters) => {
    const text = path.toLowerCase().endsWith('.bicep') ? readText(path) : undefined;
    return text === undefined ? undefined : readBicepTemplate(text, parameters);
  });
  if (services.roots.length === 0) return apiops;
  const policyFiles = new Map(apiops.policyFiles);
  // A loaded XML file's scope wins over the loose scope its name alone would give it.
  for (const [path, scope] of services.policyFiles) {
    const known = policyFiles.get(path);
    if (known === undefined || known.kind === 'unknown') policyFiles.set(path, scope);
  }
  return {
    roots: [...apiops.roots, ...services.roots],
    policyFiles,
    get problems() {
      return apiops.problems;
    },
    inlinePolicies: services.inlinePolicies,
    inlinePolicySpans: services.inlinePolicySpans,
  };
}

/** Local module files the Bicep files call, found from their text without parsing them (a cheap first pass). */
function calledModules(bicepFiles: readonly string[], readText: TextReader): Set<string> {
  const called = new Set<string>();
  for (const path of bicepFiles) {
    for (const reference of bicepModuleReferences(readText(path) ?? '')) {
      const target = posix.normalize(posix.join(posix.dirname(path), reference));
      if (!target.startsWith('../')) called.add(target);
    }
  }
  return called;
}

/** Files of one Terraform module read beyond this size or count are left out of the service model (as the editor does). */
const MAX_TERRAFORM_MODULE_FILES = 200;
const MAX_TERRAFORM_FILE_CHARS = 1024 * 1024;

/** The `.tf` files that declare APIM, each read with the other files of its module folder (and the folder's `terraform.tfvars`). */
function terraformTemplates(paths: readonly string[], readText: TextReader): TemplateSource[] {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    if (!/\.tf$/i.test(path)) continue;
    const folder = posix.dirname(path);
    folders.set(folder, [...(folders.get(folder) ?? []), path]);
  }
  const templates: TemplateSource[] = [];
  for (const [folder, files] of folders) {
    const variables = folder === '.' ? 'terraform.tfvars' : `${folder}/terraform.tfvars`;
    const texts = [...files.slice(0, MAX_TERRAFORM_MODULE_FILES), variables].flatMap((path) => {
      const text = readText(path);
      return text === undefined || text.length > MAX_TERRAFORM_FILE_CHARS ? [] : [{ path, text }];
    });
    if (!texts.some((file) => APIM_DECLARATION.test(file.text))) continue;
    templates.push(...readTerraformModuleTemplates(texts));
  }
  return templates;
}

/** A Bicep file, or a JSON file declaring an ARM deployment template (read with the parameters file beside it). */
function readTemplateFile(path: string, readText: TextReader): TemplateModel | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.bicep')) {
    const text = readText(path);
    return text === undefined ? undefined : readBicepTemplate(text);
  }
  if (!lower.endsWith('.json') || lower.endsWith('.parameters.json')) return undefined;
  const text = readText(path);
  if (text === undefined || !looksLikeArmTemplate(text)) return undefined;
  return readArmTemplate(text, suppliedParameters(path, readText));
}

function suppliedParameters(path: string, readText: TextReader): SuppliedParameters {
  for (const candidate of parameterFileCandidates(path)) {
    const text = readText(posix.normalize(candidate.replace(/\\/g, '/')));
    if (text !== undefined) return readParameterFile(text);
  }
  return new Map();
}
