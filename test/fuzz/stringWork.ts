/**
 * Counts the characters string primitives touch while `work` runs: one per `charCodeAt`, the distance
 * scanned by `indexOf`/`includes`/`startsWith`, the length copied by `slice`. A machine-independent
 * measure of parsing cost, so linearity can be tested without timing anything.
 */
export function countStringWork(work: () => void): number {
  const proto = String.prototype;
  const originals = { charCodeAt: proto.charCodeAt, indexOf: proto.indexOf, includes: proto.includes, startsWith: proto.startsWith, slice: proto.slice };
  let units = 0;
  proto.charCodeAt = function (this: string, index: number) {
    units++;
    return originals.charCodeAt.call(this, index);
  };
  proto.indexOf = function (this: string, search: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const found = originals.indexOf.call(this, search, start);
    units += (found === -1 ? this.length : found) - start + 1;
    return found;
  };
  proto.includes = function (this: string, search: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const found = originals.indexOf.call(this, search, start);
    units += (found === -1 ? this.length : found) - start + 1;
    return found !== -1;
  };
  proto.startsWith = function (this: string, search: string, from?: number) {
    units += search.length;
    return originals.startsWith.call(this, search, from);
  };
  proto.slice = function (this: string, start?: number, end?: number) {
    const result = originals.slice.call(this, start, end);
    units += result.length + 1;
    return result;
  };
  try {
    work();
  } finally {
    Object.assign(proto, originals);
  }
  return units;
}
