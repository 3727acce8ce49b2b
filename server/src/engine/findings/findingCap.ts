import { syntaxDocsUrl } from './docsUrl';
import { severityRank, type Finding } from './finding';

/** Findings kept per code in one document; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_CODE = 200;

export const MORE_FINDINGS_CODE = 'more-findings';

interface Dropped {
  count: number;
  first: Finding;
  severity: Finding['severity'];
}

/**
 * Collects findings, keeping at most `limit` per code, so hostile input (600,000 `<base />`, a million unclosed
 * `${`) cannot grow memory without bound. `close` appends one "N more" finding per capped code, as severe as
 * the worst finding it stands for, so `--fail-on` still sees it.
 */
export class FindingCap {
  private readonly kept = new Map<string, number>();
  private readonly dropped = new Map<string, Dropped>();

  constructor(
    readonly findings: Finding[] = [],
    private readonly limit: number = MAX_FINDINGS_PER_CODE,
  ) {}

  push(finding: Finding): void {
    const kept = this.kept.get(finding.code) ?? 0;
    if (kept < this.limit) {
      this.kept.set(finding.code, kept + 1);
      this.findings.push(finding);
      return;
    }
    const dropped = this.dropped.get(finding.code);
    if (!dropped) this.dropped.set(finding.code, { count: 1, first: finding, severity: finding.severity });
    else {
      dropped.count++;
      if (severityRank(finding.severity) < severityRank(dropped.severity)) dropped.severity = finding.severity;
    }
  }

  /** Appends the closing findings and returns every finding kept. */
  close(): Finding[] {
    for (const [code, dropped] of this.dropped) {
      this.findings.push({
        code: MORE_FINDINGS_CODE,
        kind: dropped.first.kind,
        severity: dropped.severity,
        message: `${dropped.count} more '${code}' findings in this document are not listed (at most ${this.limit} per code).`,
        span: dropped.first.span,
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
