/** The indentation step a file uses (the first indented line's leading whitespace, at most one tab or 2-8 spaces); two spaces by default. */
export function detectIndentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text.slice(0, 20000));
  if (!match) return '  ';
  const leading = match[1];
  if (leading.startsWith('\t')) return '\t';
  return leading.length >= 2 && leading.length <= 8 ? leading : '  ';
}

/** The leading whitespace of the line that contains `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
}

/** True when only whitespace stands between the line start and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset));
}
