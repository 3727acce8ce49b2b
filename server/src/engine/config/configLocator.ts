import { dirname, join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG, CONFIG_FILE_NAME, type ApimStudioConfig } from './apimStudioConfig';
import { parseConfig } from './parseConfig';

/** The config that governs a file, and the folder its globs are relative to. */
export interface LocatedConfig {
  readonly config: ApimStudioConfig;
  /** Folder of the `.apim-studio.json`; undefined when no file was found (defaults apply). */
  readonly folder: string | undefined;
}

/** Reads a file's text, or undefined when it does not exist. */
export type FileReader = (path: string) => string | undefined;

/**
 * Finds the nearest `.apim-studio.json` above a file (like ESLint's flat lookup: the nearest one wins, no
 * merging) and caches by folder, so a workspace of thousands of files reads each candidate once.
 */
export class ConfigLocator {
  private readonly byFolder = new Map<string, LocatedConfig>();

  constructor(
    private readonly readFile: FileReader,
    private readonly explicit?: { readonly path: string },
  ) {}

  configFor(filePath: string): LocatedConfig {
    if (this.explicit) return this.load(dirname(this.explicit.path), this.explicit.path) ?? { config: DEFAULT_CONFIG, folder: undefined };
    return this.lookup(dirname(filePath));
  }

  /** Forget cached configs (after a config file changed on disk). */
  clear(): void {
    this.byFolder.clear();
  }

  private lookup(folder: string): LocatedConfig {
    const visited: string[] = [];
    let current = folder;
    let found: LocatedConfig | undefined;
    for (;;) {
      const cached = this.byFolder.get(current);
      if (cached) {
        found = cached;
        break;
      }
      visited.push(current);
      const loaded = this.load(current, join(current, CONFIG_FILE_NAME));
      if (loaded) {
        found = loaded;
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const result = found ?? { config: DEFAULT_CONFIG, folder: undefined };
    for (const path of visited) this.byFolder.set(path, result);
    return result;
  }

  private load(folder: string, path: string): LocatedConfig | undefined {
    const text = this.readFile(path);
    return text === undefined ? undefined : { config: parseConfig(text).config, folder };
  }
}

/** The file's path relative to the config folder, `/`-separated, for glob matching. */
export function pathForGlobs(located: LocatedConfig, filePath: string): string {
  if (!located.folder) return filePath.split(sep).join('/');
  return relative(located.folder, filePath).split(sep).join('/');
}
