/** A seedable PRNG (mulberry32) returning floats in [0, 1): fuzz cases must be reproducible from their seed. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, bound). */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

/** A per-case seed derived from the run's seed, so one case can be replayed without the others. */
export function caseSeed(runSeed: number, caseIndex: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(caseIndex + 1, 0xc2b2ae35)) >>> 0;
}
