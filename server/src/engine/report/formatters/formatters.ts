import { formatJson } from './jsonFormatter';
import type { ReportFormatter } from './reportFormatter';
import { formatText } from './textFormatter';

/** Every output format by name; the CLI's `--format` accepts exactly these keys. */
export const REPORT_FORMATTERS: Readonly<Record<string, ReportFormatter>> = {
  text: formatText,
  json: formatJson,
};
