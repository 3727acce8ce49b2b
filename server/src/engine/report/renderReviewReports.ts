import type { ReviewResult } from '../review/reviewResult';
import { REPORT_FORMATTERS } from './formatters/formatters';
import { renderReportHtml } from './html/renderReportHtml';
import { buildReviewReport } from './reviewReport';
import { TOOL_VERSION } from './toolVersion';

/** The webview's page: the HTML report with links and buttons that talk to the extension. */
export const WEBVIEW_REPORT_FORMAT = 'webview';

/**
 * Renders one review in several formats at once (the editor shows one and keeps the others for its
 * export buttons, so exports match what is on screen). Unknown format names are skipped.
 */
export function renderReviewReports(result: ReviewResult, formats: readonly string[], baseFolder: string, nonce: string): Record<string, string> {
  const reports: Record<string, string> = {};
  for (const format of formats) {
    if (format === WEBVIEW_REPORT_FORMAT) {
      reports[format] = renderReportHtml(buildReviewReport(result, baseFolder), { host: 'webview', nonce });
    } else if (Object.hasOwn(REPORT_FORMATTERS, format)) {
      reports[format] = REPORT_FORMATTERS[format](result, { baseFolder, toolVersion: TOOL_VERSION });
    }
  }
  return reports;
}
