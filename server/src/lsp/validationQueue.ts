/**
 * Coalesces validation requests: a burst of edits to one document leads to one run on its latest
 * version, and runs never pile up behind each other. Work for a version that was superseded before it
 * started is dropped because the queue only remembers the URI and reads the current text when it runs.
 */
export class ValidationQueue {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly validate: (uri: string) => void) {}

  enqueue(uri: string): void {
    this.pending.add(uri);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private drain(): void {
    const next = this.pending.values().next();
    if (next.done) {
      this.scheduled = false;
      return;
    }
    this.pending.delete(next.value);
    this.validate(next.value);
    // Yield between documents so an incoming didChange can supersede queued work.
    setImmediate(() => this.drain());
  }
}
