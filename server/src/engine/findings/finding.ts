import type { Span } from '../text/span';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severities from most to least severe; used for `--fail-on` and sorting. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** Where a finding comes from: the XML reader, the policy schema, or a Well-Architected rule. */
export type FindingKind = 'syntax' | 'schema' | 'rule';

/** A text replacement, in offsets of the document the finding belongs to. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A file a fix creates beside its edits (an APIOps named value, for example). Absolute path. */
export interface NewFile {
  readonly path: string;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Files to create; fix-all never applies such fixes. */
  readonly createFiles?: readonly NewFile[];
  /** Safe to apply without review (fix-all and the preferred quick fix use only these). */
  readonly isPreferred: boolean;
}

/** One problem in one document. Positions are offsets; editors and the CLI convert them at the edge. */
export interface Finding {
  readonly code: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly docsUrl: string;
  readonly fixes: readonly Fix[];
}
