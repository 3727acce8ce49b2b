import { dirname, join, normalize } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
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

/** The `.bicepparam` files beside a Bicep template whose `using` names it. */
function bicepParameterFilesFor(templatePath: string, files: FileAccess): SuppliedParameters[] {
  const folder = dirname(templatePath);
  const found: SuppliedParameters[] = [];
  for (const name of files.listFolder(folder)) {
    if (!/\.bicepparam$/i.test(name)) continue;
    const text = files.readText(join(folder, name));
    const parameters = text === undefined ? undefined : readBicepParameterFile(text);
    if (parameters?.templatePath !== undefined && normalize(join(folder, parameters.templatePath)) === normalize(templatePath)) found.push(parameters.values);
  }
  return found;
}

/**
 * The values a parameters file supplies to a template, one lookup for every dialect. A Bicep template takes
 * the `.bicepparam` files beside it that name it with `using` (when several do, for example one per
 * environment, only the values they all agree on), else `<name>.parameters.json`; an ARM template takes the
 * first of its conventional `*.parameters.json`. None when there is none or it cannot be read.
 */
export function suppliedParametersFor(templatePath: string, files: FileAccess): SuppliedParameters {
  const isBicep = /\.bicep$/i.test(templatePath);
  if (isBicep) {
    const bicepParameters = bicepParameterFilesFor(templatePath, files);
    if (bicepParameters.length > 0) return agreedValues(bicepParameters);
  }
  const jsonCandidates = isBicep ? [templatePath.replace(/\.bicep$/i, '.parameters.json')] : parameterFileCandidates(templatePath);
  for (const candidate of jsonCandidates) {
    const text = files.readText(candidate);
    if (text !== undefined) return readParameterFile(text);
  }
  return new Map();
}
