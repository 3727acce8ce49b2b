import type { Finding, Fix } from '../findings/finding';
import { FindingCap } from '../findings/findingCap';
import type { Span } from '../text/span';
import { SCHEMA_SEVERITY, type SchemaCode } from './schemaCodes';
import { schemaDocsUrl } from './schemaDocsUrl';

/**
 * Collects schema findings, filling in kind, severity and docs link from the code. Capped per code as they are
 * reported: 600,000 `<base />` in one section leave 200 findings and a count, not 600,000 findings.
 */
export class SchemaReporter {
  private readonly cap = new FindingCap();

  /** True while a finding of `code` would still be listed; callers skip costly messages and fixes otherwise. */
  accepts(code: SchemaCode): boolean {
    return this.cap.accepts(code);
  }

  /** Counts a finding of `code` that is past the cap, without building it. */
  count(code: SchemaCode, span: Span): void {
    this.cap.count(code, 'schema', SCHEMA_SEVERITY[code], span);
  }

  report(code: SchemaCode, message: string, span: Span, fixes: readonly Fix[] = []): void {
    if (!this.cap.accepts(code)) {
      this.count(code, span);
      return;
    }
    this.cap.push({
      code,
      kind: 'schema',
      severity: SCHEMA_SEVERITY[code],
      message,
      span,
      docsUrl: schemaDocsUrl(code),
      fixes,
    });
  }

  /** The findings kept, then one "N more" finding per capped code. */
  close(): Finding[] {
    return this.cap.close();
  }
}
