import { basename, dirname, join, normalize } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
import type { Finding } from '../findings/finding';
import { parametersFileNotReadFinding } from '../findings/parametersFileNotRead';
import { parameterFileCandidates, readParameterFile } from '../templates/arm/armParameterFile';
import { readBicepParameterFile } from '../templates/bicep/bicepParameterFile';
import type { SuppliedParameters, TemplateValue } from '../templates/templateModel';

/** Values that every one of several parameters files supplies alike; the others stay the template's to decide. */
function agreedValues(files: readonly SuppliedParameters[]): SuppliedParameters {
  if (files.length === 1) return files[0];
  const agreed = new Map<string, TemplateValue>();
  for (const [name, value] of files[0]) {
    const spelled = value.known ? JSON.stringify(value.value) : undefined;
    const same =
      spelled !== undefined &&
      files.every((other) => {
        const otherValue = other.get(name);
        return otherValue?.known === true && JSON.stringify(otherValue.value) === spelled;
      });
    if (same) agreed.set(name, value);
  }
  return agreed;
}

/** The values parameters files supply to a template, and one finding per parameters file that exists but was not read. */
export interface TemplateParameters {
  readonly values: SuppliedParameters;
  readonly notRead: readonly Finding[];
}

/** The `.bicepparam` files beside a Bicep template whose `using` names it. */
function bicepParameterFilesFor(templatePath: string, files: FileAccess, notRead: Finding[]): SuppliedParameters[] {
  const folder = dirname(templatePath);
  const found: SuppliedParameters[] = [];
  for (const name of files.listFolder(folder)) {
    if (!/\.bicepparam$/i.test(name)) continue;
    const text = files.readText(join(folder, name));
    const reason = text === undefined ? files.notRead?.(join(folder, name)) : undefined;
    // Unread, its `using` is unknown: it may be another template's.
    if (reason !== undefined) notRead.push(parametersFileNotReadFinding(name, reason, true));
    const parameters = text === undefined ? undefined : readBicepParameterFile(text);
    if (parameters?.templatePath !== undefined && normalize(join(folder, parameters.templatePath)) === normalize(templatePath)) found.push(parameters.values);
  }
  return found;
}

/**
 * The values a parameters file supplies to a template, one lookup for every dialect. A Bicep template takes
 * the `.bicepparam` files beside it that name it with `using` (when several do, for example one per
 * environment, only the values they all agree on), else `<name>.parameters.json`; an ARM template takes the
 * first of its conventional `*.parameters.json`. None when there is none or it cannot be read; a file that exists
 * but was not read (a link leading outside, a FIFO, too large) is reported, since the template's findings then
 * rest on parameter defaults.
 */
export function suppliedParametersFor(templatePath: string, files: FileAccess): TemplateParameters {
  const notRead: Finding[] = [];
  const isBicep = /\.bicep$/i.test(templatePath);
  if (isBicep) {
    const bicepParameters = bicepParameterFilesFor(templatePath, files, notRead);
    if (bicepParameters.length > 0) return { values: agreedValues(bicepParameters), notRead };
  }
  const jsonCandidates = isBicep ? [templatePath.replace(/\.bicep$/i, '.parameters.json')] : parameterFileCandidates(templatePath);
  let unreadCandidate: Finding | undefined;
  for (const candidate of jsonCandidates) {
    const text = files.readText(candidate);
    if (text !== undefined) return { values: readParameterFile(text), notRead };
    const reason = files.notRead?.(candidate);
    if (reason !== undefined) unreadCandidate ??= parametersFileNotReadFinding(basename(candidate), reason, false);
  }
  return { values: new Map(), notRead: unreadCandidate === undefined ? notRead : [...notRead, unreadCandidate] };
}
