import { ConfigLocator } from '../config/configLocator';
import { DISK_FILES } from '../files/diskFiles';
import type { AnalysisContext } from './analysisContext';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from './analysisSettings';

/** A context that reads files and `.apim-studio.json` from disk through the guarded read, for the CLI and for tests. */
export function createAnalysisContext(settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS, configPath?: string, files = DISK_FILES): AnalysisContext {
  const locator = new ConfigLocator(files.readText, configPath ? { path: configPath } : undefined);
  return { settings, files, today: new Date(), configFor: (path) => locator.configFor(path), workspaceFor: () => undefined };
}
