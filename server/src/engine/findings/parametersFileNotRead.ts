import { syntaxDocsUrl } from './docsUrl';
import type { Finding } from './finding';

/** A parameters file beside a template exists but was not read. */
export const PARAMETERS_FILE_NOT_READ_CODE = 'parameters-file-not-read';

/**
 * A warning on the template, at its start: its findings were worked out from parameter defaults, which may differ
 * from the values the unread file supplies. `mayNotApply`: a `.bicepparam` file that was not read may name
 * another template with `using`.
 */
export function parametersFileNotReadFinding(fileName: string, reason: string, mayNotApply: boolean): Finding {
  const consequence = mayNotApply
    ? 'If it supplies this template, the template is analysed without its values (parameter defaults only).'
    : 'The template is analysed without its values (parameter defaults only).';
  return {
    code: PARAMETERS_FILE_NOT_READ_CODE,
    kind: 'syntax',
    severity: 'warning',
    message: `The parameters file '${fileName}' was not read: ${reason}. ${consequence}`,
    span: { start: 0, end: 0 },
    docsUrl: syntaxDocsUrl(PARAMETERS_FILE_NOT_READ_CODE),
    fixes: [],
  };
}
