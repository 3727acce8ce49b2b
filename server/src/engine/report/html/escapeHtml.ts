const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for quoted attribute values alike. Every workspace-derived value goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** The URL when it is an https link we can show; undefined for anything else (javascript:, data:, relative, ...). */
export function safeHttpsUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `vscode://file/<path>:<line>:<column>`, which opens the file at the position from a browser or a Markdown preview. */
export function vscodeFileUrl(path: string, line: number, column: number): string {
  const segments = path.split(/[\\/]/).filter((segment) => segment !== '');
  return `vscode://file/${segments.map(encodeURIComponent).join('/')}:${line}:${column}`;
}
