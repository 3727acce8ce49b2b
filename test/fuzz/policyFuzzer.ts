import { performance } from 'node:perf_hooks';
import { documentViolations } from './documentInvariants';
import { describeMutation, mutateDocument } from './mutations';
import { caseSeed, randomInt, seededRandom } from './seededRandom';
import { shrinkCase } from './shrinkCase';

/** A document the fuzzer mutates. */
export interface FuzzSource {
  readonly name: string;
  readonly text: string;
}

export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many cases... */
  readonly cases: number;
  /** ...or after this many seconds, whichever comes first. */
  readonly seconds: number;
  /** A case fails when its time per character exceeds this multiple of the median (after re-measuring). */
  readonly timeMultiple: number;
  readonly sources: readonly FuzzSource[];
  /** Stop after this many failures: shrinking each one costs time, and the first few say enough. */
  readonly maxFailures: number;
  /** Run only this case (to replay a failure). */
  readonly onlyCase?: number;
}

export interface FuzzFailure {
  readonly caseIndex: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly reason: 'invariant' | 'slow';
  readonly problems: readonly string[];
  /** The failing input, shrunk for invariant failures; the full mutated document for slow ones. */
  readonly reproducer: string;
  readonly originalLength: number;
}

export interface FuzzReport {
  readonly casesRun: number;
  readonly seconds: number;
  /** Median cost in nanoseconds per character (fixed overhead of 512 characters added to each document). */
  readonly medianNanosPerChar: number;
  /** The slowest judged case's cost (at least MINIMUM_SLOW_MS) divided by the median, after re-measuring. */
  readonly worstRatio: number;
  /** The case with that ratio, to replay it; undefined when no case was judged. */
  readonly worstCase: number | undefined;
  readonly failures: readonly FuzzFailure[];
}

/** Added to every document's length so the fixed cost of tiny documents does not inflate their time per character. */
const FIXED_OVERHEAD_CHARS = 512;
/** A case must also take at least this long before it can be judged slow, so timer noise on tiny cases is ignored. */
const MINIMUM_SLOW_MS = 2;
const REMEASURE_RUNS = 3;

interface FuzzCase {
  readonly index: number;
  readonly source: FuzzSource;
  readonly text: string;
  readonly mutations: string[];
}

/** Builds case `index` of a run: the same seed and index always give the same document. */
export function fuzzCase(seed: number, index: number, sources: readonly FuzzSource[]): FuzzCase {
  const random = seededRandom(caseSeed(seed, index));
  const source = sources[randomInt(random, sources.length)];
  const mutated = mutateDocument(source.text, random);
  return { index, source, text: mutated.text, mutations: mutated.mutations.map(describeMutation) };
}

function timeCase(text: string): { ms: number; problems: string[] } {
  const started = performance.now();
  const problems = documentViolations(text);
  return { ms: performance.now() - started, problems };
}

function costPerChar(ms: number, length: number): number {
  return (ms * 1e6) / (length + FIXED_OVERHEAD_CHARS);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the mutation fuzzer; never throws for a failing case (failures are in the report). */
export function runFuzz(options: FuzzOptions): FuzzReport {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  // Warm the JIT on the unmutated sources so the first cases are not judged on cold code.
  for (const source of options.sources.slice(0, 50)) documentViolations(source.text);

  const failures: FuzzFailure[] = [];
  const timings: { index: number; cost: number; ms: number; length: number }[] = [];
  const first = options.onlyCase ?? 0;
  const last = options.onlyCase ?? options.cases - 1;
  for (let index = first; index <= last && performance.now() < deadline && failures.length < options.maxFailures; index++) {
    const fuzz = fuzzCase(options.seed, index, options.sources);
    const { ms, problems } = timeCase(fuzz.text);
    timings.push({ index, cost: costPerChar(ms, fuzz.text.length), ms, length: fuzz.text.length });
    if (problems.length > 0) {
      const reproducer = shrinkCase(fuzz.text, (candidate) => documentViolations(candidate).length > 0);
      failures.push({
        caseIndex: index,
        source: fuzz.source.name,
        mutations: fuzz.mutations,
        reason: 'invariant',
        problems: documentViolations(reproducer),
        reproducer,
        originalLength: fuzz.text.length,
      });
    }
  }

  const medianCost = median(timings.map((timing) => timing.cost));
  let worstRatio = 0;
  let worstCase: number | undefined;
  for (const timing of timings) {
    const suspicious = timing.ms >= MINIMUM_SLOW_MS && timing.cost > options.timeMultiple * medianCost;
    let cost = timing.cost;
    if (suspicious) {
      // Re-measure: a GC pause or a busy neighbour must not fail the run; a superlinear case stays slow.
      const fuzz = fuzzCase(options.seed, timing.index, options.sources);
      const runs = Array.from({ length: REMEASURE_RUNS }, () => timeCase(fuzz.text).ms);
      cost = costPerChar(Math.min(...runs), fuzz.text.length);
      if (cost > options.timeMultiple * medianCost && Math.min(...runs) >= MINIMUM_SLOW_MS) {
        failures.push({
          caseIndex: timing.index,
          source: fuzz.source.name,
          mutations: fuzz.mutations,
          reason: 'slow',
          problems: [`${Math.min(...runs).toFixed(1)} ms for ${fuzz.text.length} characters: ${(cost / medianCost).toFixed(0)}x the median time per character`],
          reproducer: fuzz.text,
          originalLength: fuzz.text.length,
        });
      }
    }
    if (medianCost > 0 && timing.ms >= MINIMUM_SLOW_MS && cost / medianCost > worstRatio) {
      worstRatio = cost / medianCost;
      worstCase = timing.index;
    }
  }
  return { casesRun: timings.length, seconds: (performance.now() - started) / 1000, medianNanosPerChar: medianCost, worstRatio, worstCase, failures };
}

/** A failure as text: what broke, how to replay it, and the (shrunk) input as a string literal. */
export function formatFailure(failure: FuzzFailure, seed: number): string {
  const shown =
    failure.reproducer.length > 2000
      ? `${JSON.stringify(failure.reproducer.slice(0, 2000))} … (${failure.reproducer.length} characters)`
      : JSON.stringify(failure.reproducer);
  return [
    `FAIL case ${failure.caseIndex} (${failure.reason}) from ${failure.source}`,
    `  mutations: ${failure.mutations.join('; ')}`,
    ...failure.problems.slice(0, 5).map((problem) => `  problem: ${problem.split('\n')[0]}`),
    `  replay: node out/test/fuzz/runFuzz.js --seed ${seed} --case ${failure.caseIndex}`,
    `  reproducer (${failure.reproducer.length} of ${failure.originalLength} characters): ${shown}`,
  ].join('\n');
}
