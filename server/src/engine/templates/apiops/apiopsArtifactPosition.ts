import {
  ALL_COLLECTIONS,
  APIS,
  API_INFORMATION,
  BACKENDS,
  BACKEND_INFORMATION,
  NAMED_VALUE_FOLDERS,
  NAMED_VALUE_INFORMATION,
  OPERATIONS,
  OPERATION_INFORMATION,
  POLICY_FILE,
  PRODUCTS,
  PRODUCT_INFORMATION,
  WORKSPACES,
} from './artifactFolders';

const DIAGNOSTICS = 'diagnostics';
const LOGGERS = 'loggers';
const SUBSCRIPTIONS = 'subscriptions';
const DIAGNOSTIC_INFORMATION = 'diagnosticInformation.json';
const LOGGER_INFORMATION = 'loggerInformation.json';
const SUBSCRIPTION_INFORMATION = 'subscriptionInformation.json';
/** Written by early APIOps extractors at the artifact root: the service resource itself. */
export const SERVICE_INFORMATION = 'serviceInformation.json';

const SERVICE_TYPE = 'Microsoft.ApiManagement/service';

/** Information files of one resource kept in `<collection>/<name>/`, by file name: the collections and the ARM type below the service. */
const COLLECTION_FILES: ReadonlyMap<string, { readonly collections: ReadonlySet<string>; readonly childType: string }> = new Map([
  [API_INFORMATION, { collections: new Set([APIS]), childType: 'apis' }],
  [PRODUCT_INFORMATION, { collections: new Set([PRODUCTS]), childType: 'products' }],
  [BACKEND_INFORMATION, { collections: new Set([BACKENDS]), childType: 'backends' }],
  [NAMED_VALUE_INFORMATION, { collections: new Set(NAMED_VALUE_FOLDERS.keys()), childType: 'namedValues' }],
  [DIAGNOSTIC_INFORMATION, { collections: new Set([DIAGNOSTICS]), childType: 'diagnostics' }],
  [LOGGER_INFORMATION, { collections: new Set([LOGGERS]), childType: 'loggers' }],
  [SUBSCRIPTION_INFORMATION, { collections: new Set([SUBSCRIPTIONS]), childType: 'subscriptions' }],
]);

/** What an APIOps information file holds: one resource of `type`, named by its folders. */
export interface ApiopsArtifactPosition {
  /** Full ARM type, e.g. `Microsoft.ApiManagement/service/backends`. */
  readonly type: string;
  /** Name segments from the service down; the service's own name is not in the path (undefined). */
  readonly nameSegments: readonly (string | undefined)[];
}

function splitPath(path: string): string[] {
  return path.split(/[\\/]+/);
}

/**
 * The resource an information file stands for when it sits at its APIOps position, for example
 * `backends/<name>/backendInformation.json`, `apis/<api>/diagnostics/<name>/diagnosticInformation.json`,
 * `apis/<api>/operations/<op>/operationInformation.json` (apiops-cli) or the same below
 * `workspaces/<ws>/`. The file name alone is not enough. `serviceInformation.json` is not placed by
 * path alone (see `isServiceInformationPath`).
 */
export function apiopsArtifactPosition(path: string): ApiopsArtifactPosition | undefined {
  const segments = splitPath(path);
  const count = segments.length;
  const file = segments[count - 1];
  const at = (fromEnd: number): string | undefined => segments[count - fromEnd];
  // [...root, 'apis', api, 'operations' | 'diagnostics', name, file]
  const underApi = count >= 5 && at(5) === APIS;
  if (underApi && ((file === OPERATION_INFORMATION && at(3) === OPERATIONS) || (file === DIAGNOSTIC_INFORMATION && at(3) === DIAGNOSTICS))) {
    return withinRoot(segments, count - 5, `apis/${at(3)}`, [at(4), at(2)]);
  }
  const entry = COLLECTION_FILES.get(file);
  if (entry === undefined || count < 3 || !entry.collections.has(at(3) ?? '')) return undefined;
  return withinRoot(segments, count - 3, entry.childType, [at(2)]);
}

/** Places the resource in the service, or in a workspace when its collection sits in `workspaces/<ws>/`. */
function withinRoot(
  segments: readonly string[],
  collectionIndex: number,
  childType: string,
  names: readonly (string | undefined)[],
): ApiopsArtifactPosition | undefined {
  if (names.some((name) => name === undefined || name === '')) return undefined;
  const inWorkspace = collectionIndex >= 2 && segments[collectionIndex - 2] === WORKSPACES;
  return {
    type: `${SERVICE_TYPE}/${inWorkspace ? `${WORKSPACES}/` : ''}${childType}`,
    nameSegments: [undefined, ...(inWorkspace ? [segments[collectionIndex - 1]] : []), ...names],
  };
}

/** True when the path names `serviceInformation.json` (its folder must still be shown to be an artifact root). */
export function isServiceInformationPath(path: string): boolean {
  const segments = splitPath(path);
  return segments[segments.length - 1] === SERVICE_INFORMATION;
}

/** The position of `serviceInformation.json`, given the names in its folder: one APIOps collection or `policy.xml` beside it makes the folder a root. */
export function serviceInformationPosition(path: string, siblingNames: readonly string[]): ApiopsArtifactPosition | undefined {
  if (!isServiceInformationPath(path) || !siblingNames.some((name) => ALL_COLLECTIONS.has(name) || name === POLICY_FILE)) return undefined;
  return { type: SERVICE_TYPE, nameSegments: [undefined] };
}
