// Waiting for the language server's diagnostics, which arrive asynchronously after a change.
import * as vscode from 'vscode';

const WAIT_MS = 15_000;

/** A diagnostic's code as a string, whether or not it carries a documentation link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ code: diagnosticCode(d), source: d.source, message: d.message })));
}

/** Resolves with the document's diagnostics once `accept` holds for them; rejects with what is there after a while. */
export function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`waited ${WAIT_MS / 1000} s for ${what}; diagnostics now: ${describe(vscode.languages.getDiagnostics(uri))}`));
    }, WAIT_MS);
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(diagnostics);
      return true;
    };
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
  });
}

/** The diagnostics our server reported with the given code. */
export function ourDiagnostics(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'apim-studio' && diagnosticCode(d) === code);
}
