import { existsSync, readFileSync } from 'node:fs';
import { ConfigLocator } from '../config/configLocator';
import type { AnalysisContext } from './analysisContext';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from './analysisSettings';

/**
 * Reads a UTF-8 text file from disk, or undefined when it is missing or unreadable. A byte order mark is
 * dropped, as editors do, so offsets (and the CLI's columns) match what the user sees.
 */
export function readTextFile(path: string): string | undefined {
  // Most look-ups (a config file in every parent folder) miss: checking first avoids throwing for each.
  if (!existsSync(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** A context that reads `.apim-studio.json` files from disk, for the CLI and for tests. */
export function createAnalysisContext(settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS, configPath?: string): AnalysisContext {
  const locator = new ConfigLocator(readTextFile, configPath ? { path: configPath } : undefined);
  return { settings, configFor: (path) => locator.configFor(path), workspaceFor: () => undefined };
}
