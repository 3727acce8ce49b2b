import type { LocatedConfig } from '../config/configLocator';
import type { AnalysisSettings } from './analysisSettings';
import type { PolicyWorkspace } from './policyWorkspace';

/** Everything beyond the document's own text that analysis may use. Built by the CLI and by the server. */
export interface AnalysisContext {
  readonly settings: AnalysisSettings;
  /** The `.apim-studio.json` that governs a file (defaults when there is none). */
  configFor(path: string): LocatedConfig;
  /** The folder (APIOps tree) a file belongs to, for scopes, effective policy and references; undefined for loose files. */
  workspaceFor(path: string): PolicyWorkspace | undefined;
  /**
   * What effective-policy rules report on each API's own document (rule id + message), reused by all its
   * operations. Only a review of files that do not change while it runs may share one; the editor does not.
   */
  readonly apiReportsCache?: Map<string, ReadonlySet<string>>;
}
