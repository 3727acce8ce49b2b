import assert from 'node:assert/strict';
import type { Span } from '../../../server/src/engine/text/span';

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/**
 * Asserts every span in a parse result (tree, segments, findings) is well-formed and inside the text.
 * Walks with an explicit stack so even a pathological tree cannot overflow here.
 */
export function assertSpansInside(root: unknown, textLength: number, label: string): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (isSpan(value)) {
      const { start, end } = value;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= textLength)) {
        assert.fail(`${label}: span ${start}..${end} outside 0..${textLength}`);
      }
    }
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

/** The deepest nesting of plain objects/arrays under `root` (iterative). */
export function treeHeight(root: unknown): number {
  let height = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    height = Math.max(height, depth);
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return height;
}
