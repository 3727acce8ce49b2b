import { EXIT_USAGE_OR_IO, runCli } from './cli/runCli';

declare const APIM_STUDIO_VERSION: string;

const version = typeof APIM_STUDIO_VERSION === 'string' ? APIM_STUDIO_VERSION : 'development';

/** A report that cannot be written (a full disk, /dev/full, a closed pipe) is an I/O error, exit 2, not a crash. */
function onWriteError(stream: string): (error: Error) => void {
  return (error) => {
    process.exitCode = EXIT_USAGE_OR_IO;
    if (stream !== 'stderr') process.stderr.write(`apim-studio: cannot write to standard output: ${error.message}\n`);
  };
}
process.stdout.on('error', onWriteError('stdout'));
process.stderr.on('error', onWriteError('stderr'));

let exitCode: number;
try {
  exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    version,
    cwd: process.cwd(),
    stderrIsTerminal: process.stderr.isTTY === true,
  });
} catch (error) {
  // Exit 1 means "findings"; a crash must not look like that.
  process.stderr.write(`apim-studio: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitCode = EXIT_USAGE_OR_IO;
}
// A write error reported above wins over the review's own result.
if (process.exitCode !== EXIT_USAGE_OR_IO) process.exitCode = exitCode;
