/** Folder and file names of APIOps artifact trees (classic Azure/apiops and apiops-cli). */

export const APIS = 'apis';
export const OPERATIONS = 'operations';
export const PRODUCTS = 'products';
export const BACKENDS = 'backends';
export const WORKSPACES = 'workspaces';
export const POLICY_FILE = 'policy.xml';

/** Folder name -> flavour that uses it. */
export const FRAGMENT_FOLDERS: ReadonlyMap<string, 'classic' | 'cli'> = new Map([
  ['policy fragments', 'classic'],
  ['policyFragments', 'cli'],
]);

export const NAMED_VALUE_FOLDERS: ReadonlyMap<string, 'classic' | 'cli'> = new Map([
  ['named values', 'classic'],
  ['namedValues', 'cli'],
]);

/** Collections that hold no policies but still mark a folder as an artifact root's child. */
const OTHER_COLLECTIONS = [
  'tags',
  'gateways',
  'loggers',
  'diagnostics',
  'groups',
  'subscriptions',
  'version sets',
  'versionSets',
  'schemas',
  'policyRestrictions',
  'documentations',
];

export const ALL_COLLECTIONS: ReadonlySet<string> = new Set([
  APIS,
  PRODUCTS,
  BACKENDS,
  WORKSPACES,
  ...FRAGMENT_FOLDERS.keys(),
  ...NAMED_VALUE_FOLDERS.keys(),
  ...OTHER_COLLECTIONS,
]);

export const API_INFORMATION = 'apiInformation.json';
export const OPERATION_INFORMATION = 'operationInformation.json';
export const PRODUCT_INFORMATION = 'productInformation.json';
export const PRODUCT_API_INFORMATION = 'productApiInformation.json';
export const PRODUCT_APIS_LIST = 'apis.json';
export const FRAGMENT_INFORMATION = 'policyFragmentInformation.json';
export const NAMED_VALUE_INFORMATION = 'namedValueInformation.json';
export const BACKEND_INFORMATION = 'backendInformation.json';
export const WORKSPACE_INFORMATION = 'workspaceInformation.json';

/** The separator APIOps puts between an API name and a non-current revision number. */
export const REVISION_SEPARATOR = ';rev=';
