import type { ReviewResult } from '../../review/reviewResult';

/** Turns a review into the text of one output format. Every format reads the same ReviewResult. */
export type ReportFormatter = (result: ReviewResult) => string;
