import type { Severity } from '../engine/findings/finding';

export type FailOn = Severity | 'never';

export interface ReviewArguments {
  readonly command: 'review';
  readonly paths: string[];
  readonly format: string;
  readonly failOn: FailOn;
  readonly output: string | undefined;
}

export type CliArguments = ReviewArguments | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'never'];

export const USAGE = `Usage: apim-studio review <path...> [--format <format>] [--fail-on error|warning|info|never] [--output <file>]

Reviews APIM policy documents (and, as they are added, templates) under the given files or folders.

Options:
  --format <format>     text (default) or json
  --fail-on <severity>  exit 1 when a finding at or above this severity exists (default: error; never: always 0)
  --output <file>       write the report to a file instead of standard output
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage or I/O error.`;

/** Parses the command line; throws UsageError with a message meant for the user. */
export function parseCliArguments(argv: readonly string[], formats: readonly string[]): CliArguments {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'review') throw new UsageError(`Unknown command '${argv[0]}'.`);
  const paths: string[] = [];
  let format = 'text';
  let failOn: FailOn = 'error';
  let output: string | undefined;
  for (let index = 1; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inlineValue] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const takeValue = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const value = argv[++index];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return value;
    };
    if (flag === '--format') {
      format = takeValue();
      if (!formats.includes(format)) throw new UsageError(`Unknown format '${format}'; use one of: ${formats.join(', ')}.`);
    } else if (flag === '--fail-on') {
      const value = takeValue();
      if (!FAIL_ON_VALUES.includes(value as FailOn)) throw new UsageError(`--fail-on takes one of: ${FAIL_ON_VALUES.join(', ')}.`);
      failOn = value as FailOn;
    } else if (flag === '--output' || flag === '-o') {
      output = takeValue();
    } else if (flag === '-h' || flag === '--help') {
      return { command: 'help' };
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new UsageError(`Unknown option '${argument}'.`);
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) throw new UsageError('Give at least one file or folder to review.');
  return { command: 'review', paths, format, failOn, output };
}
