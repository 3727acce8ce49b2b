import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisSettings } from '../engine/analysis/analysisSettings';

/**
 * True when the document is within apimStudio.maxFileSizeKB. Every request checks it first and answers with
 * nothing above the limit, so a huge file never blocks the server (the diagnostic says why it is not analysed).
 */
export function withinSizeLimit(document: TextDocument, settings: AnalysisSettings): boolean {
  return document.getText().length <= settings.maxDocumentSize;
}
