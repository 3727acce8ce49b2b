import type { LocatedConfig } from '../config/configLocator';
import type { ApiReportsCache } from '../documents/documentKind';
import type { FileAccess } from '../files/fileAccess';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import type { AnalysisSettings } from './analysisSettings';

/** Everything beyond the document's own text that analysis may use. Built by the CLI and by the server. */
export interface AnalysisContext {
  readonly settings: AnalysisSettings;
  /** Every other file analysis reads: the server answers from open editors first. */
  readonly files: FileAccess;
  /** The day suppression expiry is judged against. */
  readonly today: Date;
  /** The `.apim-studio.json` that governs a file (defaults when there is none). */
  configFor(path: string): LocatedConfig;
  /** The folder (APIOps tree) a file belongs to, for scopes, effective policy and references; undefined for loose files. */
  workspaceFor(path: string): PolicyWorkspace | undefined;
  /**
   * What effective-policy rules report on each API's own document, reused by all its operations. Only a
   * review of files that do not change while it runs may share one; the editor does not.
   */
  readonly apiReportsCache?: ApiReportsCache;
}
