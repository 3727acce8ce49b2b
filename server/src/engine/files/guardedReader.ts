import { readGuardedFile, type ReadLimits } from './guardedRead';

/** Told once per file that was not read, with why (a log line, a stderr line). */
export type SkippedFileReporter = (path: string, reason: string) => void;

/**
 * readGuardedFile as a plain `(path) => text | undefined` reader for the config locator, workspace index
 * and reviews. Limits are asked for on each read (the editor's folders and settings change); each skipped
 * file is reported once, however often it is asked for.
 */
export function guardedReader(limits: () => ReadLimits, onSkipped: SkippedFileReporter): (path: string) => string | undefined {
  const reported = new Set<string>();
  return (path) => {
    const read = readGuardedFile(path, limits());
    if (read.kind === 'text') return read.text;
    if (read.kind === 'skipped' && !reported.has(path)) {
      reported.add(path);
      onSkipped(path, read.reason);
    }
    return undefined;
  };
}
