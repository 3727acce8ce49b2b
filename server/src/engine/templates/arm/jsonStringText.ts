import { DecodedTextBuilder, type DecodedText } from '../bicep/bicepStringValue';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the JSON string literal whose opening quote is at `quoteOffset`, keeping the map from each
 * decoded character back to its source (an escape such as `\"` or `\u0041` maps to the whole escape).
 * Tolerant: a bad escape decodes to its own text; an unterminated string ends at `limit`.
 */
export function decodeJsonString(text: string, quoteOffset: number, limit: number): DecodedText {
  const builder = new DecodedTextBuilder();
  const start = quoteOffset + 1;
  let index = start;
  let plainStart = start;
  while (index < limit && text[index] !== '"') {
    if (text[index] !== '\\') {
      index++;
      continue;
    }
    builder.appendVerbatim(text, plainStart, index);
    const code = text[index + 1];
    if (code === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
      builder.appendEscape(String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16)), index, index + 6);
      index += 6;
    } else if (code !== undefined && SIMPLE_ESCAPES[code] !== undefined) {
      builder.appendEscape(SIMPLE_ESCAPES[code], index, index + 2);
      index += 2;
    } else {
      index++;
      plainStart = index - 1;
      continue;
    }
    plainStart = index;
  }
  builder.appendVerbatim(text, plainStart, index);
  return builder.build({ start, end: index });
}

/** Text for inside a JSON string literal: the host's escapes are re-applied. */
export function escapeForJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
