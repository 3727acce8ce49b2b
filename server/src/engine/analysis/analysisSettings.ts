/** Settings that shape one analysis run, shared by the language server and the CLI. */
export interface AnalysisSettings {
  /** Documents larger than this many characters are not analysed (an info finding says so). */
  readonly maxDocumentSize: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  maxDocumentSize: 5 * 1024 * 1024,
};
