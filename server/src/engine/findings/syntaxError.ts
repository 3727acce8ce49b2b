import { syntaxDocsUrl } from './docsUrl';
import type { Finding } from './finding';

/** A syntax error of a template reader, with its docs link; an empty or reversed range becomes a point. */
export function syntaxErrorFinding(code: string, message: string, start: number, end: number): Finding {
  return { code, kind: 'syntax', severity: 'error', message, span: { start, end: Math.max(start, end) }, docsUrl: syntaxDocsUrl(code), fixes: [] };
}
