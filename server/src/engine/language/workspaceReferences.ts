import { join } from 'node:path';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import { hostFileOf } from '../workspace/templateServiceModel';

/**
 * The fragments, named values and backends a policy file can refer to, as plain data with the absolute
 * paths of the files that define them (for go-to-definition). Nearest tree first: an APIM workspace's
 * own artifacts shadow the service's.
 */
export interface WorkspaceReferences {
  readonly fragments: readonly { readonly id: string; readonly path: string | undefined }[];
  readonly namedValues: readonly {
    readonly name: string;
    readonly displayName: string | undefined;
    readonly secret: boolean;
    readonly keyVault: boolean;
    readonly value: string | undefined;
    readonly path: string;
  }[];
  readonly backends: readonly { readonly id: string; readonly url: string | undefined; readonly type: string | undefined; readonly path: string }[];
}

export const NO_REFERENCES: WorkspaceReferences = { fragments: [], namedValues: [], backends: [] };

function firstById<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function workspaceReferencesOf(workspace: PolicyWorkspace, relativePath: string): WorkspaceReferences {
  const trees = workspace.treesOf(relativePath);
  // An inline template policy's definition is in its template.
  const absolute = (path: string): string => join(workspace.root, hostFileOf(path));
  return {
    fragments: firstById(
      trees.flatMap((tree) =>
        [...tree.fragments.values()].map((fragment) => ({
          id: fragment.id,
          path: fragment.policyPath === undefined ? undefined : absolute(fragment.policyPath),
        })),
      ),
      (fragment) => fragment.id,
    ),
    namedValues: firstById(
      trees.flatMap((tree) =>
        [...tree.namedValues.values()].map((value) => ({
          name: value.name,
          displayName: value.displayName,
          secret: value.secret,
          keyVault: value.keyVault,
          value: value.value,
          path: absolute(value.informationPath),
        })),
      ),
      (value) => value.name,
    ),
    backends: firstById(
      trees.flatMap((tree) =>
        [...tree.backends.values()].map((backend) => ({ id: backend.id, url: backend.url, type: backend.type, path: absolute(backend.informationPath) })),
      ),
      (backend) => backend.id,
    ),
  };
}

/** The name policies use to refer to a named value: APIM resolves `{{...}}` by display name, falling back to the name. */
export function referenceNameOf(value: WorkspaceReferences['namedValues'][number]): string {
  return value.displayName ?? value.name;
}

export function findNamedValue(references: WorkspaceReferences, name: string): WorkspaceReferences['namedValues'][number] | undefined {
  return references.namedValues.find((value) => value.displayName === name) ?? references.namedValues.find((value) => value.name === name);
}
