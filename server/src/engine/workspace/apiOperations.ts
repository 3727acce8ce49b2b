import { DEFAULT_SPECIFICATION_FILE, readSpecificationOperations } from './apiSpecification';
import { readOperationInformation } from './artifactInformation';
import type { TextReader } from './jsonValues';
import type { DiscoveryProblem, OperationNode } from './serviceModel';

/** The files discovery found in one `operations/<name>/` folder. */
export interface OperationFolder {
  informationPath: string | undefined;
  policyPath: string | undefined;
}

/**
 * An API's operations: one per operation folder, its method and URL template from `operationInformation.json`
 * (apiops-cli) or else from the API's specification, matched by `operationId` (classic APIOps); then the
 * specification's operations that have no folder (they run the API's policy). The specification is read
 * only when some folder lacks an information file, or when there are no folders to go by.
 */
export function apiOperations(
  folders: ReadonlyMap<string, OperationFolder>,
  apiFolderPath: string,
  listedSpecificationPath: string | undefined,
  readText: TextReader,
  problems: DiscoveryProblem[],
): Map<string, OperationNode> {
  const needsSpecification = folders.size === 0 || [...folders.values()].some((folder) => folder.informationPath === undefined);
  const specificationPath = listedSpecificationPath ?? `${apiFolderPath}/${DEFAULT_SPECIFICATION_FILE}`;
  const specified = needsSpecification ? readSpecificationOperations(specificationPath, readText, problems, listedSpecificationPath !== undefined) : undefined;

  const operations = new Map<string, OperationNode>();
  for (const [name, folder] of folders) {
    const details = folder.informationPath === undefined ? specified?.get(name) : readOperationInformation(folder.informationPath, readText, problems);
    if (folder.informationPath === undefined && specified !== undefined && details === undefined) {
      problems.push({
        kind: 'operation-not-in-specification',
        path: folder.policyPath ?? specificationPath,
        message: `The specification ${specificationPath} has no operation with operationId "${name}", so the method of operation ${name} is unknown.`,
      });
    }
    operations.set(name, {
      name,
      policyPath: folder.policyPath,
      informationPath: folder.informationPath,
      method: details?.method,
      urlTemplate: details?.urlTemplate,
    });
  }
  for (const [name, operation] of specified ?? []) {
    if (!operations.has(name)) operations.set(name, { name, policyPath: undefined, informationPath: undefined, ...operation });
  }
  return operations;
}
