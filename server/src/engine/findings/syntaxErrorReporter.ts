import { syntaxDocsUrl } from './docsUrl';
import type { Finding } from './finding';
import { FindingCap } from './findingCap';

/**
 * The syntax errors of one template reader (Bicep, HCL), with their docs links, capped per code as they are
 * reported: past the cap (a million unclosed `${`) findings are counted, never built.
 */
export class SyntaxErrorReporter<Code extends string> {
  private readonly cap = new FindingCap();

  /** An empty or reversed range becomes a point at `start`. */
  report(code: Code, message: string, start: number, end: number): void {
    const span = { start, end: Math.max(start, end) };
    if (this.cap.accepts(code)) this.cap.push({ code, kind: 'syntax', severity: 'error', message, span, docsUrl: syntaxDocsUrl(code), fixes: [] });
    else this.cap.count(code, 'syntax', 'error', span);
  }

  /** The findings kept, in report order, then one "N more" finding per capped code. */
  close(): Finding[] {
    return this.cap.close();
  }
}
