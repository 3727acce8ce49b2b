import type { Fix } from '../findings/finding';
import type { XmlDocument } from '../policy/syntaxTree';
import type { PolicySection } from '../policy/policyVocabulary';
import type { Span } from '../text/span';
import type { RuleMeta } from './ruleMeta';
import type { DocumentScope } from '../policy/policyVocabulary';

export type Environment = 'production' | 'nonproduction';

/** What a rule says about one place in the document; the runner adds code, severity and docs. */
export interface RuleReport {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /**
   * The rule cannot be sure: part of the effective policy is unknown (a loose file whose `<base />` pulls
   * in a parent we cannot see). Reported at info level at most.
   */
  readonly uncertain?: boolean;
  /**
   * A guess: the finding depends on scopes the tool cannot see at all (a loose document, a policy embedded in a
   * template). Reported as a hint at most.
   */
  readonly guess?: boolean;
}

/** A policy document as rules see it: the tree, its text (for edits) and what is known of its place. */
export interface PolicyDocumentContext {
  readonly text: string;
  readonly document: XmlDocument;
  /** Where the document sits in the APIM hierarchy; undefined when it cannot be known (a loose file). */
  readonly scope: DocumentScope | undefined;
  readonly environment: Environment;
  /**
   * Whether leaving `<base />` out of a section (or the section itself) drops statements of the parent scopes:
   * false when every parent's section is known and empty, undefined when the parents cannot be seen (an
   * embedded policy, a chain level of unknown kind). Absent for documents seen without their folder.
   */
  readonly parentSectionDrops?: (section: PolicySection) => boolean | undefined;
  report(report: RuleReport): void;
}

/** A rule that can decide from one policy document. */
export interface PolicyDocumentRule {
  readonly meta: RuleMeta;
  check(context: PolicyDocumentContext): void;
}
