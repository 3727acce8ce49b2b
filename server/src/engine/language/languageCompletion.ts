import type { Span } from '../text/span';

/** What a completion proposes, in engine terms; the server maps `kind` to the protocol's item kinds. */
export type CompletionKind =
  | 'element'
  | 'attribute'
  | 'value'
  | 'named-value'
  | 'fragment'
  | 'backend'
  | 'variable'
  | 'property'
  | 'method'
  | 'type'
  | 'namespace'
  | 'snippet';

export interface LanguageCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label. */
  readonly detail?: string;
  /** Markdown shown in the details pane. */
  readonly documentation?: string;
  /** The text that replaces `replace`; a snippet (with `$1` placeholders) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly replace: Span;
  /** Orders items: required attributes before optional ones, for example. */
  readonly sortText?: string;
}
