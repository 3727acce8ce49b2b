import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = '\r\n\r\n';
const HEADER_START = 'Content-Length:';
/** A header block longer than this is not a header: skip to the next one. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Digits only, at most 10 (under 10 GB): what a Content-Length may say. */
const VALID_LENGTH = /^\d{1,10}$/;

/**
 * Sits between stdin and the JSON-RPC reader of a `--stdio` server. vscode-jsonrpc stops reading for good
 * after a header it cannot use (`Content-Length: abc`): every later message is misparsed, so one bad frame
 * from a client kills the connection. This passes valid frames through untouched and, after a bad one,
 * reports it and skips to the next `Content-Length:` header.
 */
export class StdioFramingGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  private bodyRemaining = 0;
  private skipping = false;

  constructor(private readonly report: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data: Buffer = this.pending.length > 0 ? Buffer.concat([view(this.pending), view(chunk)]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.bodyRemaining > 0) {
        const take = Math.min(this.bodyRemaining, data.length);
        this.push(data.subarray(0, take));
        this.bodyRemaining -= take;
        data = data.subarray(take);
        continue;
      }
      if (this.skipping) {
        const next = data.indexOf(HEADER_START, 0, 'ascii');
        if (next === -1) {
          // A header may start in this chunk's last bytes.
          this.pending = Buffer.from(view(data.subarray(Math.max(0, data.length - HEADER_START.length + 1))));
          break;
        }
        this.skipping = false;
        data = data.subarray(next);
      }
      const headerEnd = data.indexOf(HEADER_END, 0, 'ascii');
      if (headerEnd === -1) {
        if (data.length <= MAX_HEADER_BYTES) {
          this.pending = Buffer.from(view(data));
          break;
        }
        this.reject('a header block without an end');
        data = data.subarray(1);
        continue;
      }
      const length = contentLengthOf(data.subarray(0, headerEnd).toString('ascii'));
      if (length === undefined) {
        this.reject(`the header '${data.subarray(0, Math.min(headerEnd, 200)).toString('ascii').replace(/\r\n/g, ' | ')}'`);
        data = data.subarray(headerEnd + HEADER_END.length);
        continue;
      }
      this.push(data.subarray(0, headerEnd + HEADER_END.length));
      this.bodyRemaining = length;
      data = data.subarray(headerEnd + HEADER_END.length);
    }
    done();
  }

  private reject(what: string): void {
    this.report(`APIM Studio: skipped a malformed message (${what}); reading on from the next Content-Length header.`);
    this.skipping = true;
  }
}

/** The Content-Length of a header block when it is well formed; undefined otherwise. */
function contentLengthOf(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!VALID_LENGTH.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

/** A Uint8Array over the same bytes (Buffer.concat's typing wants plain Uint8Arrays). */
function view(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}
