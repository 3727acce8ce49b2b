/**
 * Makes workspace text inert in Markdown: HTML-significant characters become entities (so a preview never
 * sees a tag) and inline Markdown punctuation is backslash-escaped (so it never becomes a link, code,
 * emphasis or a table cell break). Values always sit inside a line, so line-start syntax (`#`, `-`) is
 * harmless; line breaks become spaces to keep it that way.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`);
}

/** A link target for a path relative to the report: each segment percent-encoded, so spaces and parentheses are safe. */
export function markdownPathTarget(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
