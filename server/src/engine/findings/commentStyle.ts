/** How a document kind writes a whole-line comment, for suppression directives the editor inserts. */
export interface CommentStyle {
  /** The comment holding `text` (without indentation or line break). */
  lineComment(text: string): string;
}

export const XML_COMMENT: CommentStyle = { lineComment: (text) => `<!-- ${text} -->` };
export const SLASH_COMMENT: CommentStyle = { lineComment: (text) => `// ${text}` };
export const HASH_COMMENT: CommentStyle = { lineComment: (text) => `# ${text}` };
