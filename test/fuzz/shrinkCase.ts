/**
 * Shrinks a failing input to a small one that still fails (delta debugging over character chunks):
 * try removing chunks of halving size, keep any removal after which `stillFails` holds.
 * Bounded by `maxAttempts` evaluations so a slow predicate cannot stall the run.
 */
export function shrinkCase(input: string, stillFails: (candidate: string) => boolean, maxAttempts = 3000): string {
  let current = input;
  let attempts = 0;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && attempts < maxAttempts) {
    let removedAny = false;
    for (let start = 0; start < current.length && attempts < maxAttempts; ) {
      const candidate = current.slice(0, start) + current.slice(start + chunk);
      attempts++;
      if (candidate.length < current.length && stillFails(candidate)) {
        current = candidate;
        removedAny = true;
      } else {
        start += chunk;
      }
    }
    if (!removedAny) chunk = Math.floor(chunk / 2);
  }
  return current;
}
