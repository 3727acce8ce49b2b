import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import type { Finding } from '../findings/finding';
import type { LineMap } from '../text/lineMap';

/** The findings of one file, with what formatters need to turn offsets into lines and columns. */
export interface FileReview {
  /** Absolute path. */
  readonly path: string;
  readonly kindId: string;
  /** The text that was analysed (SARIF fingerprints and report excerpts read its lines). */
  readonly text: string;
  readonly lineMap: LineMap;
  readonly findings: readonly Finding[];
}

/** A file that could not be read. */
export interface FileError {
  readonly path: string;
  readonly message: string;
}

/** A rule that threw on a file; its findings for that file are missing. */
export interface RuleFailureReport {
  readonly path: string;
  readonly ruleId: string;
  readonly message: string;
}

export interface ReviewResult {
  /** Documents analysed (files no document kind claims are not counted). */
  readonly documentCount: number;
  readonly files: readonly FileReview[];
  readonly errors: readonly FileError[];
  /** Files not read on purpose (a link leading outside, a FIFO or device, too large), with why. */
  readonly skipped: readonly FileError[];
  readonly ruleFailures: readonly RuleFailureReport[];
  /** One per folder argument: the APIOps models the review used (the report's coverage matrix reads them). */
  readonly workspaces: readonly PolicyWorkspace[];
}
