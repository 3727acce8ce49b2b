/**
 * Cuts a block-style YAML specification down to the lines discovery needs: `paths:`, each path key, each
 * key under a path, and the `operationId` line of each operation. Schemas, examples and descriptions make
 * up most of a specification (hundreds of KB is common), and a YAML parser reads them at about a megabyte
 * a second; the outline is a few lines per operation. Returns undefined when the text does not have the
 * plain shape the cut relies on (tabs, flow style, an `operationId` that is not a one-line scalar, odd
 * indentation), so the caller parses the whole file instead. The caller also falls back when the outline
 * does not parse cleanly, so a wrong cut costs time, not correctness.
 */

/** A top-level `paths:` key with nothing but a comment after it. */
const PATHS_LINE = /^(?:paths|"paths"|'paths')[ \t]*:[ \t]*(?:#.*)?$/;
const PATHS_KEY = /^(?:paths|"paths"|'paths')[ \t]*:/m;
const METHOD_KEY = /^(["']?)(?:get|put|post|delete|options|head|patch|trace)\1[ \t]*:[ \t]*(?:#.*)?$/i;
/** `operationId:` with a plain (no ` #`, no indicator first) or quoted one-line value. */
const OPERATION_ID_LINE = /^operationId[ \t]*:[ \t]*(?:[^\s|>&*!'"#%@`{[][^#]*|"[^"\\]*"|'[^']*')[ \t]*(?:#.*)?$/;

export function yamlPathsOutline(text: string): string | undefined {
  const key = PATHS_KEY.exec(text);
  if (key === null) return undefined;
  const lines = linesFrom(text, key.index);
  const first = lines.next();
  if (first.done || !PATHS_LINE.test(first.value)) return undefined;

  const kept = ['paths:'];
  let pathIndent: number | undefined;
  let keyIndent: number | undefined;
  let fieldIndent: number | undefined;
  let inOperation = false;
  for (const line of lines) {
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    if (indent === 0) break;
    // YAML forbids tabs in indentation; leave such a file to the parser and its error.
    if (line.slice(0, indent).includes('\t')) return undefined;
    pathIndent ??= indent;
    if (indent <= pathIndent) {
      if (indent < pathIndent) return undefined;
      kept.push(line);
      keyIndent = undefined;
      inOperation = false;
      continue;
    }
    keyIndent ??= indent;
    if (indent <= keyIndent) {
      if (indent < keyIndent) return undefined;
      kept.push(line);
      inOperation = METHOD_KEY.test(content);
      fieldIndent = undefined;
      continue;
    }
    if (!inOperation) continue;
    fieldIndent ??= indent;
    if (indent < fieldIndent) return undefined;
    if (indent === fieldIndent && content.startsWith('operationId')) {
      if (!OPERATION_ID_LINE.test(content)) return undefined;
      kept.push(line);
    }
  }
  return `${kept.join('\n')}\n`;
}

/** The lines of `text` from `start` on, without line breaks, read only as far as the caller goes. */
function* linesFrom(text: string, start: number): Generator<string> {
  let position = start;
  while (position < text.length) {
    const end = text.indexOf('\n', position);
    const stop = end === -1 ? text.length : end;
    yield text.slice(position, text[stop - 1] === '\r' ? stop - 1 : stop);
    position = stop + 1;
  }
}
