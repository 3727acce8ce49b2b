import { renderReportHtml } from '../html/renderReportHtml';
import { reportNonce } from '../html/reportNonce';
import { buildReviewReport } from '../reviewReport';
import type { ReportFormatter } from './reportFormatter';

/** The report as a self-contained page for a browser (the webview shows the same page with host `webview`). */
export const formatHtml: ReportFormatter = (result, options) =>
  renderReportHtml(buildReviewReport(result, options.baseFolder), { host: 'browser', nonce: reportNonce() });
