import type { ReviewResult } from '../../review/reviewResult';

/** What every format may need beyond the review itself. */
export interface ReportOptions {
  /** Paths in the report are relative to this folder (the CLI's working directory, the editor's first folder). */
  readonly baseFolder: string;
  /** The APIM Studio version, for formats that name the tool (SARIF). */
  readonly toolVersion: string;
}

/** Turns a review into the text of one output format. Every format reads the same ReviewResult. */
export type ReportFormatter = (result: ReviewResult, options: ReportOptions) => string;
