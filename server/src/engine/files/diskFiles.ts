import { readdirSync } from 'node:fs';
import { DEFAULT_MAX_READ_BYTES, readGuardedFile } from './guardedRead';
import type { FileAccess } from './fileAccess';

/**
 * Reads a text file from disk through the guarded read (regular files only, the default size limit, no
 * symbolic links), or undefined when it is missing or was not read. A byte order mark is dropped.
 */
export function readTextFile(path: string): string | undefined {
  const read = readGuardedFile(path, { roots: [], maxBytes: DEFAULT_MAX_READ_BYTES });
  return read.kind === 'text' ? read.text : undefined;
}

/** The names in a folder on disk; none when it cannot be listed. */
export function listDiskFolder(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export const DISK_FILES: FileAccess = { readText: readTextFile, listFolder: listDiskFolder };
