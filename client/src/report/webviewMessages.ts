/** Formats the report's export buttons offer (the engine's WEBVIEW_EXPORT_FORMATS; a unit test keeps them equal). */
export const REPORT_EXPORT_FORMATS = ['markdown', 'html', 'sarif'] as const;

export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

/** What the report page may ask of the extension. Anything else it posts is ignored. */
export type ReportWebviewMessage =
  | { readonly type: 'open'; readonly file: string; readonly line: number; readonly column: number }
  | { readonly type: 'export'; readonly format: ReportExportFormat }
  | { readonly type: 'rerun' };

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000_000;
}

/**
 * Validates a message from the webview. The page only shows workspace data, but treat it as untrusted:
 * `open` must name one of the reviewed files (never an arbitrary path) at a sane position, `export` one
 * of the known formats.
 */
export function parseReportWebviewMessage(value: unknown, reviewedFiles: ReadonlySet<string>): ReportWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'open':
      if (typeof message.file !== 'string' || !reviewedFiles.has(message.file)) return undefined;
      if (!isPositiveInteger(message.line) || !isPositiveInteger(message.column)) return undefined;
      return { type: 'open', file: message.file, line: message.line, column: message.column };
    case 'export': {
      const format = REPORT_EXPORT_FORMATS.find((known) => known === message.format);
      return format === undefined ? undefined : { type: 'export', format };
    }
    case 'rerun':
      return { type: 'rerun' };
    default:
      return undefined;
  }
}
