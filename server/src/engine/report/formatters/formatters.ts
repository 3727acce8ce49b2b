import { formatHtml } from './htmlFormatter';
import { formatJson } from './jsonFormatter';
import { formatMarkdown } from './markdownFormatter';
import type { ReportFormatter } from './reportFormatter';
import { formatSarif } from './sarifFormatter';
import { formatText } from './textFormatter';

/** Every output format by name; the CLI's `--format` accepts exactly these keys. */
export const REPORT_FORMATTERS: Readonly<Record<string, ReportFormatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  html: formatHtml,
};
