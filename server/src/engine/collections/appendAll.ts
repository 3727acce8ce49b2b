/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument and overflows the
 * stack for large arrays (a value holding 200,000 `{{name}}` references), so unbounded arrays go through here.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
