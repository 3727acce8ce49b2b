import type { Finding, Fix } from '../findings/finding';
import type { Span } from '../text/span';
import { SCHEMA_SEVERITY, type SchemaCode } from './schemaCodes';
import { schemaDocsUrl } from './schemaDocsUrl';

/** Collects schema findings, filling in kind, severity and docs link from the code. */
export class SchemaReporter {
  readonly findings: Finding[] = [];

  report(code: SchemaCode, message: string, span: Span, fixes: readonly Fix[] = []): void {
    this.findings.push({
      code,
      kind: 'schema',
      severity: SCHEMA_SEVERITY[code],
      message,
      span,
      docsUrl: schemaDocsUrl(code),
      fixes,
    });
  }
}
