/**
 * Finds where a policy expression ends, reading its C# the way APIM does: brackets balance outside
 * string literals, char literals and comments, so raw `<`, `>`, `&&` and nested `"` stay inside the
 * expression. APIM locates expressions before it reads the XML, which is why
 * `condition="@(x == "POST")"` is a valid attribute even though it is not well-formed XML.
 */

export interface ExpressionScan {
  /** Offset just past the closing bracket, or the limit when the expression is unterminated. */
  readonly end: number;
  readonly closed: boolean;
  /**
   * Where a line of the expression's code (outside literals and comments) starts with markup such as
   * `<set-header` or `</value>`: the sign of a string whose closing quote is missing, which made the scan run
   * past the expression into the XML around it.
   */
  readonly markupLine?: number;
}

const OPEN_PAREN = 40; // (
const CLOSE_PAREN = 41; // )
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const DOUBLE_QUOTE = 34; // "
const SINGLE_QUOTE = 39; // '
const BACKSLASH = 92; // \
const AT = 64; // @
const DOLLAR = 36; // $
const SLASH = 47; // /
const STAR = 42; // *
const AMPERSAND = 38; // &
const NEWLINE = 10; // \n
const CARRIAGE_RETURN = 13; // \r

/** One level of the scanner: code counting one kind of bracket, or the inside of an interpolated string. */
interface Frame {
  readonly mode: 'code' | 'interpolated';
  readonly open: number;
  readonly close: number;
  depth: number;
  readonly verbatim: boolean;
}

/** True when `text` has `@(` or `@{` at `offset`. */
export function startsExpression(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== AT) return false;
  const next = text.charCodeAt(offset + 1);
  return next === OPEN_PAREN || next === OPEN_BRACE;
}

/**
 * Scans the expression whose `@` is at `start` (a `@(` or `@{` must be there) and stops at `limit`.
 * Never throws; an unterminated expression reports `closed: false`.
 */
export function scanExpression(text: string, start: number, limit: number = text.length): ExpressionScan {
  const opener = text.charCodeAt(start + 1);
  const stack: Frame[] = [{ mode: 'code', open: opener, close: opener === OPEN_PAREN ? CLOSE_PAREN : CLOSE_BRACE, depth: 1, verbatim: false }];
  let pos = start + 2;
  let markupLine: number | undefined;
  while (pos < limit) {
    const frame = stack[stack.length - 1];
    const code = text.charCodeAt(pos);
    if (frame.mode === 'interpolated') {
      pos = scanInterpolatedStringPart(text, pos, limit, frame, stack);
      continue;
    }
    if (code === frame.open) {
      frame.depth++;
      pos++;
    } else if (code === frame.close) {
      frame.depth--;
      pos++;
      if (frame.depth === 0) {
        stack.pop();
        if (stack.length === 0) return markupLine === undefined ? { end: pos, closed: true } : { end: pos, closed: true, markupLine };
      }
    } else if (code === DOUBLE_QUOTE) {
      pos = skipRegularString(text, pos + 1, limit);
    } else if (code === AMPERSAND && text.startsWith('&quot;', pos)) {
      // Well-formed XML writes the expression's string quotes as entities: `@(&quot;http://&quot;)`.
      pos = skipEntityQuotedString(text, pos + 6, limit);
    } else if (code === AT && text.charCodeAt(pos + 1) === DOUBLE_QUOTE) {
      pos = skipVerbatimString(text, pos + 2, limit);
    } else if (isInterpolatedStringStart(text, pos)) {
      const verbatim = text.charCodeAt(pos + 1) !== DOUBLE_QUOTE;
      stack.push({ mode: 'interpolated', open: OPEN_BRACE, close: CLOSE_BRACE, depth: 0, verbatim });
      pos += verbatim ? 3 : 2;
    } else if (code === SINGLE_QUOTE) {
      pos = skipCharLiteral(text, pos, limit);
    } else if (code === SLASH && text.charCodeAt(pos + 1) === SLASH) {
      pos = skipToLineEnd(text, pos + 2, limit);
    } else if (code === SLASH && text.charCodeAt(pos + 1) === STAR) {
      pos = skipBlockComment(text, pos + 2, limit);
    } else if (code === NEWLINE && markupLine === undefined) {
      pos++;
      if (startsMarkup(text, pos, limit)) markupLine = pos;
    } else {
      pos++;
    }
  }
  return { end: limit, closed: false };
}

/** After a line break: optional indentation, then `<name`, `</` or `<!`. */
function startsMarkup(text: string, pos: number, limit: number): boolean {
  let cursor = pos;
  while (cursor < limit && (text.charCodeAt(cursor) === 32 || text.charCodeAt(cursor) === 9 || text.charCodeAt(cursor) === CARRIAGE_RETURN)) cursor++;
  if (text.charCodeAt(cursor) !== 60) return false;
  const next = text.charCodeAt(cursor + 1);
  return next === SLASH || next === 33 || (next >= 97 && next <= 122) || (next >= 65 && next <= 90);
}

/** `$"`, `$@"` or `@$"`. */
function isInterpolatedStringStart(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  const next = text.charCodeAt(pos + 1);
  if (code === DOLLAR) {
    return next === DOUBLE_QUOTE || (next === AT && text.charCodeAt(pos + 2) === DOUBLE_QUOTE);
  }
  return code === AT && next === DOLLAR && text.charCodeAt(pos + 2) === DOUBLE_QUOTE;
}

/**
 * Advances through the literal part of an interpolated string. A `{` opens a code hole (pushed as a
 * code frame counting braces); the closing `"` pops the string frame.
 */
function scanInterpolatedStringPart(text: string, pos: number, limit: number, frame: Frame, stack: Frame[]): number {
  while (pos < limit) {
    const code = text.charCodeAt(pos);
    if (code === OPEN_BRACE) {
      if (text.charCodeAt(pos + 1) === OPEN_BRACE) {
        pos += 2;
        continue;
      }
      stack.push({ mode: 'code', open: OPEN_BRACE, close: CLOSE_BRACE, depth: 1, verbatim: false });
      return pos + 1;
    }
    if (code === DOUBLE_QUOTE) {
      if (frame.verbatim && text.charCodeAt(pos + 1) === DOUBLE_QUOTE) {
        pos += 2;
        continue;
      }
      stack.pop();
      return pos + 1;
    }
    if (!frame.verbatim && code === BACKSLASH) {
      pos += 2;
      continue;
    }
    if (!frame.verbatim && (code === NEWLINE || code === CARRIAGE_RETURN)) {
      // A regular interpolated string cannot span lines: end it here so one typo does not swallow the document.
      stack.pop();
      return pos;
    }
    pos++;
  }
  return limit;
}

function skipRegularString(text: string, pos: number, limit: number): number {
  while (pos < limit) {
    const code = text.charCodeAt(pos);
    if (code === BACKSLASH) pos += 2;
    else if (code === DOUBLE_QUOTE) return pos + 1;
    else if (code === NEWLINE || code === CARRIAGE_RETURN) return pos;
    else pos++;
  }
  return limit;
}

/** Like a regular string, ended by the next `&quot;` or by the end of the line. */
function skipEntityQuotedString(text: string, pos: number, limit: number): number {
  const close = text.indexOf('&quot;', pos);
  const closed = close !== -1 && close + 6 <= limit;
  const lineEnd = skipToLineEnd(text, pos, closed ? close : limit);
  return closed && lineEnd === close ? close + 6 : lineEnd;
}

function skipVerbatimString(text: string, pos: number, limit: number): number {
  while (pos < limit) {
    if (text.charCodeAt(pos) === DOUBLE_QUOTE) {
      if (text.charCodeAt(pos + 1) !== DOUBLE_QUOTE) return pos + 1;
      pos += 2;
    } else {
      pos++;
    }
  }
  return limit;
}

/** `'x'`, `'\n'`, `'\u0041'`; a lone apostrophe is skipped as one character. */
function skipCharLiteral(text: string, pos: number, limit: number): number {
  const maxEnd = Math.min(limit, pos + 10);
  let cursor = pos + 1;
  if (text.charCodeAt(cursor) === BACKSLASH) cursor += 2;
  else cursor++;
  while (cursor < maxEnd) {
    const code = text.charCodeAt(cursor);
    if (code === SINGLE_QUOTE) return cursor + 1;
    if (code === NEWLINE || code === CARRIAGE_RETURN) break;
    cursor++;
  }
  return pos + 1;
}

/** Past the star-slash that ends a block comment, never looking beyond `limit`. */
function skipBlockComment(text: string, pos: number, limit: number): number {
  for (let index = pos; index + 1 < limit; index++) {
    if (text.charCodeAt(index) === STAR && text.charCodeAt(index + 1) === SLASH) return index + 2;
  }
  return limit;
}

function skipToLineEnd(text: string, pos: number, limit: number): number {
  while (pos < limit) {
    const code = text.charCodeAt(pos);
    if (code === NEWLINE || code === CARRIAGE_RETURN) return pos;
    pos++;
  }
  return limit;
}
