import {
  ALL_COLLECTIONS,
  APIS,
  API_INFORMATION,
  BACKENDS,
  BACKEND_INFORMATION,
  FRAGMENT_FOLDERS,
  FRAGMENT_INFORMATION,
  NAMED_VALUE_FOLDERS,
  NAMED_VALUE_INFORMATION,
  OPERATIONS,
  OPERATION_INFORMATION,
  POLICY_FILE,
  PRODUCTS,
  PRODUCT_APIS_LIST,
  PRODUCT_API_INFORMATION,
  PRODUCT_INFORMATION,
  WORKSPACES,
  WORKSPACE_INFORMATION,
} from '../templates/apiops/artifactFolders';

/**
 * Finds the artifact roots in a file list: folders that hold APIOps collections. A root is only
 * recognised through a file at its exact APIOps position (for example `apis/<a>/apiInformation.json`),
 * so a source folder that merely happens to be called `apis` does not become one. Each path is looked
 * at once, from its end, so the cost is linear in the number of paths.
 */
export function findArtifactRoots(paths: readonly (readonly string[])[]): string[] {
  const candidates = new Set<string>();
  for (const segments of paths) {
    const collectionIndex = anchoringCollectionIndex(segments);
    if (collectionIndex === undefined) continue;
    let rootLength = collectionIndex;
    // `<root>/workspaces/<ws>/apis/...` belongs to `<root>`.
    if (rootLength >= 2 && segments[rootLength - 2] === WORKSPACES) rootLength -= 2;
    candidates.add(segments.slice(0, rootLength).join('/'));
  }
  return [...candidates].filter((candidate) => !isInsideAnotherRoot(candidate, candidates)).sort();
}

/** Index of the collection folder (`apis`, `products`, ...) that a recognised file sits under, if any. */
function anchoringCollectionIndex(segments: readonly string[]): number | undefined {
  const count = segments.length;
  const file = segments[count - 1];
  const at = (fromEnd: number): string | undefined => segments[count - fromEnd];
  switch (file) {
    case API_INFORMATION:
      return at(3) === APIS ? count - 3 : undefined;
    case OPERATION_INFORMATION:
      return at(3) === OPERATIONS && at(5) === APIS ? count - 5 : undefined;
    case PRODUCT_INFORMATION:
    case PRODUCT_APIS_LIST:
      return at(3) === PRODUCTS ? count - 3 : undefined;
    case PRODUCT_API_INFORMATION:
      return at(3) === APIS && at(5) === PRODUCTS ? count - 5 : undefined;
    case FRAGMENT_INFORMATION:
      return FRAGMENT_FOLDERS.has(at(3) ?? '') ? count - 3 : undefined;
    case NAMED_VALUE_INFORMATION:
      return NAMED_VALUE_FOLDERS.has(at(3) ?? '') ? count - 3 : undefined;
    case BACKEND_INFORMATION:
      return at(3) === BACKENDS ? count - 3 : undefined;
    case WORKSPACE_INFORMATION:
      return at(3) === WORKSPACES ? count - 3 : undefined;
    case POLICY_FILE:
      if (at(3) === OPERATIONS && at(5) === APIS) return count - 5;
      if (at(3) === APIS || at(3) === PRODUCTS || FRAGMENT_FOLDERS.has(at(3) ?? '')) return count - 3;
      return undefined;
    default:
      return undefined;
  }
}

/** `<outer>/products/p/apis/a/...` must not make `<outer>/products/p` a root of its own. */
function isInsideAnotherRoot(candidate: string, candidates: ReadonlySet<string>): boolean {
  if (candidate === '') return false;
  const segments = candidate.split('/');
  for (let length = 0; length < segments.length; length++) {
    if (ALL_COLLECTIONS.has(segments[length]) && candidates.has(segments.slice(0, length).join('/'))) return true;
  }
  return false;
}
