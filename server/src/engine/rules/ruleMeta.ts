import type { Severity } from '../findings/finding';
import type { Pillar } from './pillar';

/** What a Well-Architected rule is, independent of how it checks. Docs URL derives from the id (ruleDocsUrl). */
export interface RuleMeta {
  /** Kebab-case, stable forever; never reused for another meaning. */
  readonly id: string;
  /** The first is the primary pillar: reports count each finding once, there; the others are tags. */
  readonly pillars: readonly Pillar[];
  readonly defaultSeverity: Severity;
  /** One line: what the rule checks. */
  readonly title: string;
  /** Two to five sentences in our own words: why it matters, what to do, the trade-offs. */
  readonly guidance: string;
  /** The APIM (learn.microsoft.com) page that explains the policy or setting involved. */
  readonly learnMoreUrl: string;
  /** Only reported when the configured environment is production. */
  readonly productionOnly?: boolean;
}
