import type { LocatedConfig } from '../config/configLocator';
import type { AnalysisSettings } from './analysisSettings';

/** Everything beyond the document's own text that analysis may use. Built by the CLI and by the server. */
export interface AnalysisContext {
  readonly settings: AnalysisSettings;
  /** The `.apim-studio.json` that governs a file (defaults when there is none). */
  configFor(path: string): LocatedConfig;
}
