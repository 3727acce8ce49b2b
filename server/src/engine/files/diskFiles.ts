import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { FileAccess } from './fileAccess';

/**
 * Reads a UTF-8 text file from disk, or undefined when it is missing or unreadable. A byte order mark is
 * dropped, as editors do, so offsets (and the CLI's columns) match what the user sees.
 */
export function readTextFile(path: string): string | undefined {
  // Most look-ups (a config file in every parent folder) miss: checking first avoids throwing for each.
  if (!existsSync(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
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
