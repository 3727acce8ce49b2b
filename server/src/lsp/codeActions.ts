import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommentStyle } from '../engine/findings/commentStyle';
import type { Finding, Fix } from '../engine/findings/finding';
import { DIAGNOSTIC_SOURCE, toRange } from './toLsp';
import { appendAll } from '../engine/collections/appendAll';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.apim-studio`;
/** Client command that opens a rule's documentation page. */
export const OPEN_RULE_DOCS_COMMAND = 'apimStudio.openRuleDocs';

function toTextEdits(document: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
}

/** Plain edits to this document, or (when the fix creates files) document changes with the file creations first. */
function workspaceEditFor(document: TextDocument, fix: Fix): WorkspaceEdit {
  if (!fix.createFiles || fix.createFiles.length === 0) return { changes: { [document.uri]: toTextEdits(document, fix) } };
  const creations = fix.createFiles.flatMap((file) => {
    const uri = pathToFileURL(file.path).toString();
    return [
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }]),
    ];
  });
  return { documentChanges: [...creations, TextDocumentEdit.create({ uri: document.uri, version: document.version }, toTextEdits(document, fix))] };
}

function findingFor(document: TextDocument, findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find(
    (candidate) =>
      candidate.code === diagnostic.code && candidate.message === diagnostic.message && candidate.span.start === start && candidate.span.end === end,
  );
}

/** The directive on its own line above the finding, indented like that line. */
function suppressionEdit(document: TextDocument, finding: Finding, style: CommentStyle): TextEdit {
  const line = document.positionAt(finding.span.start).line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const newline = document.getText().includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}${style.lineComment(`apim-studio-disable-next-line ${finding.code}: reason`)}${newline}`,
  };
}

/**
 * Quick fixes for our diagnostics, first; then, once per rule (however many of its findings the range holds),
 * "suppress with reason" and "learn more"; or the fix-all source action that applies every preferred fix that does
 * not overlap another.
 */
export function codeActions(
  document: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  /** How a suppression directive is written at an offset (a policy in a heredoc takes XML comments); undefined: none. */
  suppressionStyleAt: (offset: number) => CommentStyle | undefined,
): CodeAction[] {
  const only = params.context.only;
  if (only?.some((kind) => kind === CodeActionKind.SourceFixAll || kind === FIX_ALL_KIND || kind === CodeActionKind.Source)) {
    const fixAll = fixAllAction(document, findings);
    return fixAll ? [fixAll] : [];
  }
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const learnMore: CodeAction[] = [];
  const ruleDiagnostics = new Map<string, Diagnostic[]>();
  const fixKeys = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findingFor(document, findings, diagnostic);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      // The same fix for several findings (one per product chain, say) is one entry.
      const key = JSON.stringify([fix.title, fix.edits, fix.createFiles]);
      if (fixKeys.has(key)) continue;
      fixKeys.add(key);
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: workspaceEditFor(document, fix),
      });
    }
    if (finding.kind !== 'rule') continue;
    const seen = ruleDiagnostics.get(finding.code);
    if (seen) {
      seen.push(diagnostic);
      continue;
    }
    const diagnostics = [diagnostic];
    ruleDiagnostics.set(finding.code, diagnostics);
    const suppressionStyle = suppressionStyleAt(finding.span.start);
    if (suppressionStyle) {
      suppressions.push({
        title: `Suppress ${finding.code} on this line (with a reason)`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: { changes: { [document.uri]: [suppressionEdit(document, finding, suppressionStyle)] } },
      });
    }
    learnMore.push({
      title: `Learn more about ${finding.code}`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: `Learn more about ${finding.code}`, command: OPEN_RULE_DOCS_COMMAND, arguments: [finding.docsUrl] },
    });
  }
  return [...fixes, ...suppressions, ...learnMore];
}

function fixAllAction(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
  const chosen: Fix[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.isPreferred && !candidate.createFiles);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) => taken.some((span) => edit.span.start <= span.end && span.start <= edit.span.end));
    if (overlaps) continue;
    chosen.push(fix);
    appendAll(
      taken,
      fix.edits.map((edit) => edit.span),
    );
  }
  if (chosen.length === 0) return undefined;
  return {
    title: 'Fix all APIM Studio problems that have a safe fix',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: chosen.flatMap((fix) => toTextEdits(document, fix)) } },
  };
}
