import type { Span } from '../text/span';
import { syntaxDocsUrl } from './docsUrl';
import { severityRank, type Finding, type FindingKind } from './finding';

/** Findings kept per code in one document; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_CODE = 200;

export const MORE_FINDINGS_CODE = 'more-findings';

interface Dropped {
  count: number;
  kind: FindingKind;
  /** Where the first finding left out would have been. */
  span: Span;
  severity: Finding['severity'];
}

/**
 * Collects findings, keeping at most `limit` per code, so hostile input (600,000 `<base />`, a million unclosed
 * `${`) cannot grow memory without bound. Reporters ask `accepts` first and `count` what is past the cap, so
 * those findings (their messages, fixes and suggestions) are never built. `close` appends one "N more" finding
 * per capped code, as severe as the worst finding it stands for, so `--fail-on` still sees it.
 */
export class FindingCap {
  private readonly kept = new Map<string, number>();
  private readonly dropped = new Map<string, Dropped>();

  constructor(
    readonly findings: Finding[] = [],
    private readonly limit: number = MAX_FINDINGS_PER_CODE,
  ) {}

  /** True while a finding of `code` would still be listed. */
  accepts(code: string): boolean {
    return (this.kept.get(code) ?? 0) < this.limit;
  }

  push(finding: Finding): void {
    const kept = this.kept.get(finding.code) ?? 0;
    if (kept < this.limit) {
      this.kept.set(finding.code, kept + 1);
      this.findings.push(finding);
      return;
    }
    this.count(finding.code, finding.kind, finding.severity, finding.span);
  }

  /** Counts a finding past the cap without building it. */
  count(code: string, kind: FindingKind, severity: Finding['severity'], span: Span): void {
    const dropped = this.dropped.get(code);
    if (!dropped) this.dropped.set(code, { count: 1, kind, span, severity });
    else {
      dropped.count++;
      if (severityRank(severity) < severityRank(dropped.severity)) dropped.severity = severity;
    }
  }

  /** Appends the closing findings and returns every finding kept. */
  close(): Finding[] {
    for (const [code, dropped] of this.dropped) {
      this.findings.push({
        code: MORE_FINDINGS_CODE,
        kind: dropped.kind,
        severity: dropped.severity,
        message: `${dropped.count} more '${code}' findings in this document are not listed (at most ${this.limit} per code).`,
        span: dropped.span,
        docsUrl: syntaxDocsUrl(MORE_FINDINGS_CODE),
        fixes: [],
      });
    }
    this.dropped.clear();
    return this.findings;
  }
}

/** `findings` with at most `limit` per code, in their order, plus the closing "N more" findings. */
export function capFindingsPerCode(findings: Iterable<Finding>, limit: number = MAX_FINDINGS_PER_CODE): Finding[] {
  const cap = new FindingCap([], limit);
  for (const finding of findings) cap.push(finding);
  return cap.close();
}
