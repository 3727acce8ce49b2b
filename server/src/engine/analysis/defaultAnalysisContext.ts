import { DEFAULT_MAX_READ_BYTES, readGuardedFile } from '../files/guardedRead';
import { ConfigLocator } from '../config/configLocator';
import type { AnalysisContext } from './analysisContext';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from './analysisSettings';

/**
 * Reads a text file from disk through the guarded read (regular files only, the default size limit, no
 * symbolic links), or undefined when it is missing or was not read.
 */
export function readTextFile(path: string): string | undefined {
  const read = readGuardedFile(path, { roots: [], maxBytes: DEFAULT_MAX_READ_BYTES });
  return read.kind === 'text' ? read.text : undefined;
}

/** A context that reads `.apim-studio.json` files from disk (with `readFile`), for the CLI and for tests. */
export function createAnalysisContext(
  settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS,
  configPath?: string,
  readFile: (path: string) => string | undefined = readTextFile,
): AnalysisContext {
  const locator = new ConfigLocator(readFile, configPath ? { path: configPath } : undefined);
  return { settings, configFor: (path) => locator.configFor(path), workspaceFor: () => undefined };
}
