import type { Span } from '../text/span';
import type { ApimStudioConfig } from '../config/apimStudioConfig';
import type { FileAccess } from '../files/fileAccess';
import type { CommentStyle } from '../findings/commentStyle';
import type { Finding } from '../findings/finding';
import type { DocumentScope } from '../policy/policyVocabulary';
import type { InlineSuppression } from '../rules/inlineSuppressions';
import type { RuleSettings } from '../rules/ruleSettings';
import type { RuleFailure } from '../rules/runRules';
import type { EditorSelector } from './editorSelectors';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';

/** What the analyser knows about a document before reading it. */
export interface DocumentInput {
  /** Absolute path or URI path; used for file-name matching, configuration and the scope in an APIOps tree. */
  readonly path: string;
  /** The editor's language id, when the document comes from an editor. */
  readonly languageId?: string;
  readonly text: string;
  /** Set for a document embedded in another file (a policy in a template string): it is seen alone, at this scope. */
  readonly host?: { readonly scope: DocumentScope | undefined };
}

/** What effective-policy rules report on each API's own document, keyed by rule and report identity. */
export type ApiReportsCache = Map<string, ReadonlySet<string>>;

/** What a kind may use while analysing one document; the pipeline builds it. */
export interface KindContext {
  readonly files: FileAccess;
  /** The `.apim-studio.json` governing the document (its gateway, for the schema). */
  readonly config: ApimStudioConfig;
  readonly ruleSettings: RuleSettings;
  /** The review date (certificate expiry is judged against it). */
  readonly today: Date;
  /** The folder (APIOps tree) a file belongs to; undefined for loose files. */
  workspaceFor(path: string): PolicyWorkspace | undefined;
  /** Shared by a review of files that do not change while it runs; the editor passes none. */
  readonly apiReportsCache?: ApiReportsCache;
}

/** A document inside another one, analysed by the kind that claims its input and mapped back into the host. */
export interface EmbeddedDocument {
  readonly input: DocumentInput;
  /** Moves a finding of the embedded text onto the host's characters (fixes re-escaped, or dropped when they cannot be). */
  mapFinding(finding: Finding): Finding;
  /**
   * Set when the host holds the embedded text line for line (a heredoc, a Bicep `'''` string): that part of the host,
   * where suppression directives are written as the embedded document's comments.
   */
  readonly rawLinesSpan?: Span;
}

/** What a kind found. Rule findings are then filtered by configuration and inline suppressions in the pipeline. */
export interface KindAnalysis {
  readonly findings: readonly Finding[];
  /** Rules that threw: their findings are missing (the server logs them). */
  readonly failures: readonly RuleFailure[];
  /** The suppression directives written in the document. */
  readonly suppressions: readonly InlineSuppression[];
  readonly embedded: readonly EmbeddedDocument[];
}

/**
 * One kind of document the engine understands. A kind supplies its recognition, its reading and rules, and
 * its comment style; the pipeline in analysis/analyseDocument.ts does everything else. Adding a kind is one
 * file implementing this interface plus one line in documentKinds.ts.
 */
export interface DocumentKind {
  readonly id: string;
  /** File extensions a workspace walk reads for this kind (lower case, with the dot). */
  readonly fileExtensions: readonly string[];
  /** What an editor attaches the server to for this kind: language ids and file globs. */
  readonly editorSelector: EditorSelector;
  /** Where the editor writes a suppression directive; undefined when the format has no comments (strict JSON). */
  readonly commentStyle: CommentStyle | undefined;
  /** True when this kind should analyse the document. Must be cheap: it runs on every open file. */
  matches(input: DocumentInput, files: FileAccess): boolean;
  analyse(input: DocumentInput, context: KindContext): KindAnalysis;
}
