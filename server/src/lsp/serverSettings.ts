import type { AnalysisSettings } from '../engine/analysis/analysisSettings';
import { DEFAULT_ANALYSIS_SETTINGS } from '../engine/analysis/analysisSettings';
import { WORKSPACE_DIAGNOSTICS_MODES, type WorkspaceDiagnosticsMode } from './workspaceDiagnostics';

/** The `apimStudio` section of the editor's settings, as the client sends it (every field may be missing or wrong). */
export interface ApimStudioSettingsSection {
  readonly maxFileSizeKB?: unknown;
  readonly workspaceDiagnostics?: unknown;
}

/** `apimStudio.workspaceDiagnostics`; `onReview` unless the setting names another mode. */
export function toWorkspaceDiagnosticsMode(section: ApimStudioSettingsSection | null | undefined): WorkspaceDiagnosticsMode {
  const mode = section?.workspaceDiagnostics;
  return WORKSPACE_DIAGNOSTICS_MODES.find((candidate) => candidate === mode) ?? 'onReview';
}

export function toAnalysisSettings(section: ApimStudioSettingsSection | null | undefined): AnalysisSettings {
  const sizeKB = section?.maxFileSizeKB;
  const maxDocumentSize =
    typeof sizeKB === 'number' && Number.isFinite(sizeKB) && sizeKB > 0 ? Math.floor(sizeKB * 1024) : DEFAULT_ANALYSIS_SETTINGS.maxDocumentSize;
  return { ...DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize };
}
