import type { Severity } from '../engine/findings/finding';
import type { Environment } from '../engine/rules/policyRule';
import type { RuleLevel } from '../engine/rules/ruleSettings';

export type FailOn = Severity | 'never';

export interface ReviewArguments {
  readonly command: 'review';
  readonly paths: string[];
  readonly format: string;
  readonly failOn: FailOn;
  readonly output: string | undefined;
  /** An explicit `.apim-studio.json` for every file, instead of the nearest one above each file. */
  readonly config: string | undefined;
  /** `--rule RULE=level`, later flags winning. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly environment: Environment | undefined;
}

export type CliArguments = ReviewArguments | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'never'];
const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];
const ENVIRONMENTS: readonly Environment[] = ['production', 'nonproduction'];

export const USAGE = `Usage: apim-studio review <path...> [options]

Reviews APIM policy documents, ARM, Bicep and Terraform templates and APIOps artifacts under the given files or folders.

Options:
  --format <format>         text (default), json, sarif, markdown or html
  --output <file>           write the report to a file instead of standard output
  --fail-on <severity>      exit 1 when a finding at or above this severity exists (default: error; never: always 0)
  --config <file>           use this .apim-studio.json for every file instead of the nearest one
  --rule <rule>=<level>     set a rule's level (error, warning, info, hint, off) over the config; repeatable
  --environment <name>      production or nonproduction, over the config
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage or I/O error.`;

/** `RULE=level`; `knownRules` guards against typos that would silently change nothing. */
function parseRuleFlag(value: string, knownRules: ReadonlySet<string>): [string, RuleLevel] {
  const separator = value.lastIndexOf('=');
  const ruleId = separator > 0 ? value.slice(0, separator).trim() : '';
  const level = separator > 0 ? value.slice(separator + 1).trim() : '';
  if (ruleId === '' || !RULE_LEVELS.includes(level as RuleLevel))
    throw new UsageError(`--rule takes <rule>=<level> with a level of: ${RULE_LEVELS.join(', ')}.`);
  if (!knownRules.has(ruleId)) throw new UsageError(`Unknown rule '${ruleId}' in --rule.`);
  return [ruleId, level as RuleLevel];
}

/** Parses the command line; throws UsageError with a message meant for the user. */
export function parseCliArguments(argv: readonly string[], formats: readonly string[], knownRules: ReadonlySet<string>): CliArguments {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'review') throw new UsageError(`Unknown command '${argv[0]}'.`);
  const paths: string[] = [];
  let format = 'text';
  let failOn: FailOn = 'error';
  let output: string | undefined;
  let config: string | undefined;
  const rules: Record<string, RuleLevel> = {};
  let environment: Environment | undefined;
  for (let index = 1; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inlineValue] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
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
      if (output.trim() === '') throw new UsageError('--output needs a file name.');
    } else if (flag === '--config') {
      config = takeValue();
    } else if (flag === '--rule') {
      const [ruleId, level] = parseRuleFlag(takeValue(), knownRules);
      rules[ruleId] = level;
    } else if (flag === '--environment') {
      const value = takeValue();
      if (!ENVIRONMENTS.includes(value as Environment)) throw new UsageError(`--environment takes one of: ${ENVIRONMENTS.join(', ')}.`);
      environment = value as Environment;
    } else if (flag === '-h' || flag === '--help') {
      return { command: 'help' };
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new UsageError(`Unknown option '${argument}'.`);
    } else if (argument.trim() === '') {
      // An empty argument (an unset shell variable) would otherwise mean the working folder.
      throw new UsageError('An empty path was given; name a file or folder (use . for the current folder).');
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) throw new UsageError('Give at least one file or folder to review.');
  return { command: 'review', paths, format, failOn, output, config, rules, environment };
}
