/** The literal timing settings of a `retry` policy, in seconds (undefined when not set). */
export interface RetryTiming {
  readonly count: number;
  readonly interval: number;
  readonly maxInterval: number | undefined;
  readonly delta: number | undefined;
  readonly firstFastRetry: boolean;
}

const MAX_RETRY_COUNT = 50;

/**
 * The longest total time a retry loop waits between attempts, following the retry policy docs: `interval` alone
 * is a fixed wait, with `delta` the wait grows linearly, with `delta` and `max-interval` it grows exponentially
 * up to `max-interval`. A fast first retry does not wait. Nominal delta (the gateway randomizes it by ±20%).
 */
export function retryWaitSeconds(timing: RetryTiming): number {
  let total = 0;
  // 50 is the documented maximum count; a larger literal is a schema error, not a reason to loop longer.
  const attempts = Math.min(timing.count, MAX_RETRY_COUNT);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt === 1 && timing.firstFastRetry) continue;
    total += waitBefore(attempt, timing);
  }
  return total;
}

function waitBefore(attempt: number, timing: RetryTiming): number {
  const { interval, delta, maxInterval } = timing;
  if (delta === undefined) return interval;
  if (maxInterval === undefined) return interval + (attempt - 1) * delta;
  return Math.min(maxInterval, interval + (2 ** (attempt - 1) - 1) * delta);
}
