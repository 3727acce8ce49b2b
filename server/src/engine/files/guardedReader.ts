import { readGuardedFile, type ReadLimits } from './guardedRead';

/** Told once per file that was not read, with why (a log line, a stderr line). */
export type SkippedFileReporter = (path: string, reason: string) => void;

/** A reader of text files, and why a file that exists was not read. */
export interface GuardedTextReader {
  readText(path: string): string | undefined;
  notRead(path: string): string | undefined;
}

/**
 * readGuardedFile as a plain `(path) => text | undefined` reader for the config locator, workspace index
 * and reviews. Limits are asked for on each read (the editor's folders and settings change); each skipped
 * file is reported once, however often it is asked for, and its reason is kept for `notRead`.
 */
export function guardedReader(limits: () => ReadLimits, onSkipped: SkippedFileReporter): GuardedTextReader {
  const skipped = new Map<string, string>();
  return {
    readText: (path) => {
      const read = readGuardedFile(path, limits());
      if (read.kind === 'text') {
        skipped.delete(path);
        return read.text;
      }
      if (read.kind === 'skipped' && !skipped.has(path)) {
        skipped.set(path, read.reason);
        onSkipped(path, read.reason);
      }
      return undefined;
    },
    notRead: (path) => skipped.get(path),
  };
}
