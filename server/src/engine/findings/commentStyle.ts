import type { Span } from '../text/span';

/** How a document kind writes a whole-line comment, for suppression directives the editor inserts. */
export interface CommentStyle {
  /** The comment holding `text` (without indentation or line break). */
  lineComment(text: string): string;
}

/**
 * A part of a document whose directives are written in another document's style: a policy in a Terraform heredoc
 * or a Bicep `'''` string, where a `#` or `//` line would become part of the XML.
 */
export interface CommentStyleRegion {
  readonly span: Span;
  readonly style: CommentStyle;
}

/** The style of a directive for a finding at `offset`: the innermost region's, else the document's own. */
export function commentStyleAt(regions: readonly CommentStyleRegion[], documentStyle: CommentStyle | undefined, offset: number): CommentStyle | undefined {
  let found: CommentStyleRegion | undefined;
  for (const region of regions) {
    if (offset >= region.span.start && offset < region.span.end && (found === undefined || region.span.start >= found.span.start)) found = region;
  }
  return found?.style ?? documentStyle;
}

export const XML_COMMENT: CommentStyle = { lineComment: (text) => `<!-- ${text} -->` };
export const SLASH_COMMENT: CommentStyle = { lineComment: (text) => `// ${text}` };
export const HASH_COMMENT: CommentStyle = { lineComment: (text) => `# ${text}` };
