import { formatFailure, runFuzz } from './policyFuzzer';
import { fuzzSources } from './fuzzSources';

// `npm run fuzz` entry: node out/test/fuzz/runFuzz.js [--cases N] [--seconds S] [--seed N] [--multiple M] [--case N]
const USAGE = 'usage: runFuzz [--cases 100000] [--seconds 120] [--seed 8] [--multiple 40] [--max-failures 10] [--case N]';

function numberOption(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a non-negative number\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const seed = numberOption(argv, 'seed', 8);
const onlyCase = argv.includes('--case') ? numberOption(argv, 'case', 0) : undefined;
const sources = fuzzSources();
const report = runFuzz({
  seed,
  cases: numberOption(argv, 'cases', 100_000),
  seconds: numberOption(argv, 'seconds', 120),
  timeMultiple: numberOption(argv, 'multiple', 40),
  maxFailures: numberOption(argv, 'max-failures', 10),
  sources,
  onlyCase,
});
for (const failure of report.failures) console.log(`${formatFailure(failure, seed)}\n`);
console.log(
  `${report.casesRun} cases from ${sources.length} documents in ${report.seconds.toFixed(1)} s (seed ${seed}); ` +
    `median ${report.medianNanosPerChar.toFixed(0)} ns/char, slowest ${report.worstRatio.toFixed(1)}x the median (case ${report.worstCase ?? '-'}); ` +
    `${report.failures.length} failure${report.failures.length === 1 ? '' : 's'}.`,
);
process.exit(report.failures.length === 0 ? 0 : 1);
