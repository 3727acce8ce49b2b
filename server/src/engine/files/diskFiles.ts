import { readdirSync } from 'node:fs';
import { DEFAULT_MAX_READ_BYTES, readGuardedFile } from './guardedRead';
import type { FileAccess } from './fileAccess';

const DISK_LIMITS = { roots: [], maxBytes: DEFAULT_MAX_READ_BYTES };

/**
 * Reads a text file from disk through the guarded read (regular files only, the default size limit, no
 * symbolic links), or undefined when it is missing or was not read. A byte order mark is dropped.
 */
export function readTextFile(path: string): string | undefined {
  const read = readGuardedFile(path, DISK_LIMITS);
  return read.kind === 'text' ? read.text : undefined;
}

/** Why readTextFile did not read a file that exists; undefined when it reads it or the file is missing. */
function whyNotRead(path: string): string | undefined {
  const read = readGuardedFile(path, DISK_LIMITS);
  return read.kind === 'skipped' ? read.reason : undefined;
}

/** The names in a folder on disk; none when it cannot be listed. */
export function listDiskFolder(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export const DISK_FILES: FileAccess = { readText: readTextFile, listFolder: listDiskFolder, notRead: whyNotRead };
