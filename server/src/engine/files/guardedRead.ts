import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { decodeText } from './decodeText';

/** What a read by the product itself may touch. */
export interface ReadLimits {
  /**
   * Folders a symbolic link may lead into (the reviewed folders, the editor's workspace folders). A link whose
   * target lies elsewhere (`/dev/zero`, `/etc/passwd`, a file outside the repository) is not followed.
   */
  readonly roots: readonly string[];
  /** Larger files are not read. */
  readonly maxBytes: number;
}

/** The largest file read when nothing else is said: the default `apimStudio.maxFileSizeKB` (5 MB). */
export const DEFAULT_MAX_READ_BYTES = 5 * 1024 * 1024;

export type GuardedRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  /** Not read, with why, for one log line or finding. */
  | { readonly kind: 'skipped'; readonly reason: string };

// Not defined on Windows, where neither FIFOs nor these flags exist.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

function isInside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      real = resolve(root);
    }
    return path === real || path.startsWith(real.endsWith(sep) ? real : real + sep);
  });
}

/**
 * The one way the product reads a file it was not handed by an editor: regular files only (a FIFO would block
 * forever, a device never ends), at most `maxBytes`, symbolic links followed only into `limits.roots`.
 * Opening with O_NONBLOCK and checking the open descriptor closes the gap between the check and the read.
 * UTF-8 (BOM dropped) and UTF-16 with a BOM are decoded. Never throws.
 */
export function readGuardedFile(path: string, limits: ReadLimits): GuardedRead {
  let target = path;
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      target = realpathSync(path);
      if (!isInside(target, limits.roots)) return { kind: 'skipped', reason: `it is a symbolic link to ${target}, outside the folders being read` };
    }
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'skipped', reason: `it cannot be read (${messageOf(error)})` };
  }
  let descriptor: number;
  try {
    descriptor = openSync(target, constants.O_RDONLY | NON_BLOCK | (target === path ? NO_FOLLOW : 0));
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'skipped', reason: `it cannot be opened (${messageOf(error)})` };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { kind: 'skipped', reason: 'it is not a regular file' };
    if (stats.size > limits.maxBytes)
      return { kind: 'skipped', reason: `it has ${stats.size} bytes, more than the limit of ${limits.maxBytes} (setting apimStudio.maxFileSizeKB)` };
    // The size can change after fstat: read at most one byte past the limit to notice.
    const buffer = new Uint8Array(Math.min(stats.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > limits.maxBytes) return { kind: 'skipped', reason: `it grew past the limit of ${limits.maxBytes} bytes while being read` };
    return { kind: 'text', text: decodeText(buffer.subarray(0, length)) };
  } catch (error) {
    return { kind: 'skipped', reason: `it cannot be read (${messageOf(error)})` };
  } finally {
    closeSync(descriptor);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
