/**
 * The report's stylesheet. Colours come from VS Code's theme variables inside the webview and fall back
 * to a light palette, or a dark one under `prefers-color-scheme: dark`, in a browser.
 */
export const REPORT_STYLES = `
:root {
  --fallback-bg: #ffffff; --fallback-fg: #1f2328; --fallback-muted: #59636e; --fallback-border: #d1d9e0;
  --fallback-panel: #f6f8fa; --fallback-link: #0969da;
  --fallback-error: #cf222e; --fallback-warning: #9a6700; --fallback-info: #0969da; --fallback-ok: #1a7f37;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fallback-bg: #0d1117; --fallback-fg: #e6edf3; --fallback-muted: #9198a1; --fallback-border: #3d444d;
    --fallback-panel: #151b23; --fallback-link: #4493f8;
    --fallback-error: #f85149; --fallback-warning: #d29922; --fallback-info: #4493f8; --fallback-ok: #3fb950;
  }
}
:root {
  --bg: var(--vscode-editor-background, var(--fallback-bg));
  --fg: var(--vscode-editor-foreground, var(--fallback-fg));
  --muted: var(--vscode-descriptionForeground, var(--fallback-muted));
  --border: var(--vscode-panel-border, var(--fallback-border));
  --panel: var(--vscode-sideBar-background, var(--fallback-panel));
  --link: var(--vscode-textLink-foreground, var(--fallback-link));
  --error: var(--vscode-editorError-foreground, var(--fallback-error));
  --warning: var(--vscode-editorWarning-foreground, var(--fallback-warning));
  --info: var(--vscode-editorInfo-foreground, var(--fallback-info));
  /* charts.green is tuned per theme; testing.iconPassed is one pale green that fails contrast on light themes. */
  --ok: var(--vscode-charts-green, var(--fallback-ok));
}
body {
  margin: 0; padding: 16px 24px; background: var(--bg); color: var(--fg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--vscode-font-size, 14px); line-height: 1.45;
}
a { color: var(--link); }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--border); padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 1.1em; margin-top: 20px; }
h4 { font-size: 1em; margin: 12px 0 4px; }
.meta, .guidance, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 120px; }
.actions, .filters { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin: 12px 0; }
button {
  background: var(--vscode-button-background, var(--link)); color: var(--vscode-button-foreground, #ffffff);
  border: none; padding: 4px 12px; cursor: pointer; font: inherit;
}
select { background: var(--panel); color: var(--fg); border: 1px solid var(--border); font: inherit; max-width: 100%; }
.filters label { display: flex; gap: 6px; align-items: center; max-width: 100%; min-width: 0; }
.filters select { max-width: min(40ch, 70vw); text-overflow: ellipsis; }
/* The coverage table scrolls inside its own box; the header row and the API column stay in view. */
.table-scroll { max-width: 100%; max-height: 70vh; overflow: auto; border: 1px solid var(--border); }
.table-scroll table { margin: 0; border-collapse: separate; border-spacing: 0; }
.table-scroll th { position: sticky; top: 0; z-index: 1; }
.table-scroll th:first-child, .table-scroll td:first-child { position: sticky; left: 0; background: var(--bg); z-index: 1; white-space: nowrap; }
.table-scroll th:first-child { background: var(--panel); z-index: 2; }
/* A long label (a document path) would make the sticky column as wide as the box and hide every other column. */
.table-scroll td:first-child { max-width: 36ch; overflow: hidden; text-overflow: ellipsis; }
/* Long lists render as they scroll into view; closed groups are not rendered at all. */
details.rule, details.file { content-visibility: auto; contain-intrinsic-size: auto 3em; }
details > summary { cursor: pointer; }
details.rule > summary h4 { display: inline; }
details.file { margin: 4px 0 4px 4px; }
details.file .path { font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); }
.tag { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid var(--border); border-radius: 8px; font-size: 0.8em; font-weight: normal; color: var(--muted); }
pre.excerpt mark { background: var(--vscode-editor-findMatchHighlightBackground, rgba(234, 92, 0, 0.33)); color: inherit; }
.empty-state { border: 1px dashed var(--border); padding: 8px 16px; margin: 16px 0; }
.cell-ok { color: var(--ok); }
.cell-partial { color: var(--warning); }
.cell-missing { color: var(--error); }
.lacking { display: block; font-size: 0.85em; color: var(--muted); }
.severity { display: inline-block; min-width: 5.5em; font-weight: 600; }
.severity-error { color: var(--error); }
.severity-warning { color: var(--warning); }
.severity-info, .severity-hint { color: var(--info); }
.rule { border-left: 3px solid var(--border); padding-left: 12px; margin: 12px 0; }
ul.findings { list-style: none; padding-left: 0; }
ul.findings li { margin: 6px 0; }
code, pre { font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); }
pre.excerpt { background: var(--panel); border: 1px solid var(--border); padding: 2px 6px; margin: 2px 0 0; white-space: pre-wrap; word-break: break-all; }
[hidden] { display: none !important; }
`;
