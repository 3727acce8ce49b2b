import type { AnalysisSettings } from '../engine/analysis/analysisSettings';
import { DEFAULT_ANALYSIS_SETTINGS } from '../engine/analysis/analysisSettings';

/** The `apimStudio` section of the editor's settings, as the client sends it (every field may be missing or wrong). */
export interface ApimStudioSettingsSection {
  readonly maxFileSizeKB?: unknown;
}

export function toAnalysisSettings(section: ApimStudioSettingsSection | null | undefined): AnalysisSettings {
  const sizeKB = section?.maxFileSizeKB;
  const maxDocumentSize = typeof sizeKB === 'number' && Number.isFinite(sizeKB) && sizeKB > 0 ? Math.floor(sizeKB * 1024) : DEFAULT_ANALYSIS_SETTINGS.maxDocumentSize;
  return { ...DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize };
}
