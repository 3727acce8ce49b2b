import type { ReviewWorkspaceResult } from '../../../server/src/protocol/customRequests';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The notification after a review: "reviewed 3 documents: 1 error, 2 warnings, 0 infos." */
export function reviewSummaryText(result: ReviewWorkspaceResult): string {
  return `APIM Studio reviewed ${plural(result.documents, 'document')}: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.infos, 'info')}.`;
}
