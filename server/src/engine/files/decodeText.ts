/**
 * A file's bytes as text. UTF-16 files with a byte order mark (Windows tools write them) are decoded as such;
 * everything else is UTF-8. The byte order mark itself is dropped, as editors do, so offsets (and the CLI's
 * columns) match what the user sees.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
