/** The cursor marker of language fixtures: where the cursor sits, removed from the text. */
export const CURSOR = '¦';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error('fixture needs exactly one cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}
