/**
 * `text` with control characters (newlines, carriage returns, terminal escapes) written as `\n`, `\u001b`, ...
 * A file may be named `a\n/x.xml:1:1 error forged`: one finding must stay one line, and a name must not
 * drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
