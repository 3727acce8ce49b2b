/** Deepest JSON (or JSONC) nesting handed to jsonc-parser, whose parser and our walkers recurse per level. */
export const MAX_JSON_DEPTH = 512;

export interface FlattenedJson {
  /** The text with every value nested deeper than the limit replaced by `0` and spaces: same length, same offsets. */
  readonly text: string;
  /** Offset of the first value replaced; undefined when nothing was. */
  readonly flattenedAt: number | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const NEWLINE = 10;

/**
 * Makes JSON nested 100,000 deep safe to parse, in one linear pass: strings and comments are skipped, and an
 * object or array opened beyond `maxDepth` is blanked up to its matching close (or the end of the text).
 */
export function flattenDeepJson(text: string, maxDepth: number = MAX_JSON_DEPTH): FlattenedJson {
  let depth = 0;
  let flattenedAt: number | undefined;
  const kept: string[] = [];
  let keptUntil = 0;
  let blankStart = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index++;
      while (index < text.length && text.charCodeAt(index) !== QUOTE && text.charCodeAt(index) !== NEWLINE) {
        if (text.charCodeAt(index) === BACKSLASH) index++;
        index++;
      }
    } else if (code === SLASH && text.charCodeAt(index + 1) === SLASH) {
      while (index < text.length && text.charCodeAt(index) !== NEWLINE) index++;
    } else if (code === SLASH && text.charCodeAt(index + 1) === STAR) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (code === 123 || code === 91) {
      depth++;
      if (depth > maxDepth && blankStart === -1) {
        blankStart = index;
        flattenedAt ??= index;
      }
    } else if (code === 125 || code === 93) {
      if (depth > 0) depth--;
      if (blankStart !== -1 && depth === maxDepth) {
        kept.push(text.slice(keptUntil, blankStart), '0', ' '.repeat(index - blankStart));
        keptUntil = index + 1;
        blankStart = -1;
      }
    }
  }
  if (flattenedAt === undefined) return { text, flattenedAt };
  if (blankStart !== -1) {
    kept.push(text.slice(keptUntil, blankStart), '0', ' '.repeat(text.length - blankStart - 1));
    keptUntil = text.length;
  }
  kept.push(text.slice(keptUntil));
  return { text: kept.join(''), flattenedAt };
}
