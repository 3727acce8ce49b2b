import type { AnalysisContext } from '../analysis/analysisContext';
import type { Finding } from '../findings/finding';
import type { RuleFailure } from '../rules/runRules';

/** What the analyser knows about a document before reading it. */
export interface DocumentInput {
  /** Absolute path or URI path; used for file-name matching and, later, for the scope in an APIOps tree. */
  readonly path: string;
  /** The editor's language id, when the document comes from an editor. */
  readonly languageId?: string;
  readonly text: string;
}

/**
 * One kind of document the engine understands (policy XML today; ARM JSON and Bicep next).
 * Adding a kind is one file implementing this interface plus one line in documentKinds.ts.
 */
export interface DocumentKind {
  readonly id: string;
  /** File extensions a workspace walk reads for this kind (lower case, with the dot). */
  readonly fileExtensions: readonly string[];
  /** True when this kind should analyse the document. Must be cheap: it runs on every open file. */
  matches(input: DocumentInput): boolean;
  analyse(input: DocumentInput, context: AnalysisContext): KindAnalysis;
}

/** What a kind found, plus the rules that threw (their findings are missing; the server logs them). */
export interface KindAnalysis {
  readonly findings: Finding[];
  readonly failures: readonly RuleFailure[];
}
