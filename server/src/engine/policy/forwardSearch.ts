/**
 * `indexOf` for a parser that only moves forward: the last answer is reused while it is still ahead,
 * so searching for the same needle from increasing positions costs one pass over the text in total,
 * even when the needle never occurs again (a plain `indexOf` per value would rescan to the end each time).
 */
export class ForwardSearch {
  private from = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The first occurrence at or after `from`, or -1. */
  next(from: number): number {
    if (this.from !== -1 && from >= this.from && (this.found === -1 || this.found >= from)) return this.found;
    this.from = from;
    this.found = this.text.indexOf(this.needle, from);
    return this.found;
  }
}
