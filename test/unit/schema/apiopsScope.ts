import type { DocumentScope } from '../../../server/src/engine/policy/policyVocabulary';

/**
 * The scope of a policy file from its APIOps path, when the path makes it obvious; undefined otherwise
 * (the validator then skips scope checks). Paths use `/` and are relative to the corpus root.
 */
export function apiopsScope(relativePath: string, hasApisFolder: (folder: string) => boolean): DocumentScope | undefined {
  const parts = relativePath.split('/');
  const file = parts[parts.length - 1];
  if (file !== 'policy.xml') return undefined;
  const folders = parts.slice(0, -1);
  const last = folders.length - 1;
  if (last >= 1 && (folders[last - 1] === 'policy fragments' || folders[last - 1] === 'policyFragments')) return 'fragment';
  if (last >= 1 && folders[last - 1] === 'apis') return 'api';
  if (last >= 3 && folders[last - 1] === 'operations' && folders[last - 3] === 'apis') return 'operation';
  if (last >= 1 && folders[last - 1] === 'products') return 'product';
  if (last >= 1 && folders[last - 1] === 'workspaces') return 'workspace';
  // The artifact root holds the global policy next to its apis/ folder.
  return hasApisFolder(folders.join('/')) ? 'global' : undefined;
}
