import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Folders never worth reading: dependencies, VCS data and build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`No such file or folder: ${path}`);
  }
}

/**
 * Lists the files under `paths` whose extension is in `extensions`, sorted, without duplicates.
 * A path given explicitly is always listed when it is a file. Iterative, so deep trees are fine.
 */
export function listWorkspaceFiles(paths: readonly string[], extensions: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = resolve(given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new MissingPathError(given);
    }
    if (stats.isFile()) {
      found.add(absolute);
      continue;
    }
    const pending = [absolute];
    while (pending.length > 0) {
      const dir = pending.pop() as string;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
        } else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) {
          found.add(path);
        }
      }
    }
  }
  return [...found].sort();
}
