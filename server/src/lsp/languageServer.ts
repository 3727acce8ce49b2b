import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, ErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseDocument } from '../engine/analysis/analyseDocument';
import type { AnalysisContext } from '../engine/analysis/analysisContext';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../engine/analysis/analysisSettings';
import { listDiskFolder } from '../engine/files/diskFiles';
import type { FileAccess } from '../engine/files/fileAccess';
import { guardedReader } from '../engine/files/guardedReader';
import { effectivePolicyText } from '../engine/analysis/effectivePolicyText';
import { effectivePolicyView } from '../engine/language/effectivePolicyView';
import { serviceTree } from '../engine/language/serviceTree';
import type { Span } from '../engine/text/span';
import { CONFIG_FILE_NAME } from '../engine/config/apimStudioConfig';
import { ConfigLocator } from '../engine/config/configLocator';
import { documentKindFor } from '../engine/documents/documentKinds';
import { renderReviewReports } from '../engine/report/renderReviewReports';
import { summariseReview } from '../engine/report/reviewSummary';
import type { ReviewResult } from '../engine/review/reviewResult';
import { reviewPathsCancellable } from '../engine/review/reviewFiles';
import {
  EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION,
  EFFECTIVE_POLICY_REQUEST,
  REVIEW_WORKSPACE_REQUEST,
  SERVICE_TREE_REQUEST,
  type ServiceTreeResult,
  type EffectivePolicyParams,
  type EffectivePolicyResult,
  type ReviewWorkspaceParams,
  type ReviewWorkspaceResult,
} from '../protocol/customRequests';
import { commentStyleAt } from '../engine/findings/commentStyle';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { DocumentFindingsCache } from './documentFindingsCache';
import { documentSymbols, foldingRanges, policyTree } from './policyFeatures';
import { COMPLETION_TRIGGER_CHARACTERS, registerPolicyLanguageFeatures, SIGNATURE_TRIGGER_CHARACTERS } from './policyLanguageFeatures';
import { toAnalysisSettings, toWorkspaceDiagnosticsMode, type ApimStudioSettingsSection } from './serverSettings';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { SEMANTIC_TOKENS_LEGEND } from './semanticTokens';
import { withinSizeLimit } from './sizeLimit';
import { toDiagnostic } from './toLsp';
import { ValidationQueue } from './validationQueue';
import { validatedDocumentSync } from './validatedDocumentSync';
import { WorkspaceIndex } from './workspaceIndex';
import { serviceTreeItems } from './serviceTreeItems';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A document URI as the engine's path: the file-system path for `file:` URIs (the URI itself when it is malformed). */
function pathOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** The effective policy's answer for a document over the size limit: an XML comment, as the view shows policy XML. */
function tooLargeForRequest(length: number, limit: number): string {
  return `<!-- Not analysed: the document has ${length} characters, more than the limit of ${limit} (setting apimStudio.maxFileSizeKB). -->\n`;
}

/** Wires the engine to an LSP connection. Everything protocol-specific lives here; the engine never sees LSP types. */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const findingsCache = new DocumentFindingsCache();
  let settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS;
  let clientSupportsConfiguration = false;
  const openUriByPath = new Map<string, string>();
  const openText = (path: string): string | undefined => {
    const uri = openUriByPath.get(path);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  };
  // Files the server reads itself; `workspaceIndex` is assigned before any read happens.
  const disk = guardedReader(
    () => ({ roots: workspaceIndex.folders, maxBytes: settings.maxDocumentSize }),
    (path, reason) => connection.console.warn(`APIM Studio: skipped ${path}: ${reason}.`),
  );
  const readDisk = disk.readText;
  const configLocator = new ConfigLocator((path) => openText(path) ?? readDisk(path));
  const workspaceIndex = new WorkspaceIndex(openText, readDisk);
  const files: FileAccess = {
    readText: (path) => openText(path) ?? readDisk(path),
    listFolder: listDiskFolder,
    notRead: (path) => (openText(path) === undefined ? disk.notRead(path) : undefined),
  };
  const analysisContext = (): AnalysisContext => ({
    settings,
    files,
    today: new Date(),
    configFor: (path) => configLocator.configFor(path),
    workspaceFor: (path) => workspaceIndex.workspaceFor(path),
  });

  let workspaceRoots: string[] = [];
  const workspaceDiagnostics = new WorkspaceDiagnostics(
    connection,
    (uri) => documents.get(uri) !== undefined,
    (folders, isCancelled) =>
      reviewPathsCancellable(folders, analysisContext(), () => undefined, isCancelled).catch((error: unknown) => {
        connection.console.warn(`APIM Studio: workspace diagnostics not refreshed (${String(error)}).`);
        return undefined;
      }),
  );

  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const input = { path: pathOf(uri), languageId: document.languageId, text: document.getText() };
    const { findings, failures, commentRegions } = analyseDocument(input, analysisContext());
    for (const failure of failures) {
      connection.console.error(
        `APIM Studio: rule ${failure.ruleId} failed on ${uri}: ${failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error)}`,
      );
    }
    findingsCache.set(uri, document.version, findings, commentRegions);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map((finding) => toDiagnostic(document, finding)) });
  };
  const queue = new ValidationQueue(validate);
  // Documents opened before the first settings arrive wait for them, so the first diagnostics already use them.
  let settingsReady: Promise<void> = Promise.resolve();
  const schedule = (uri: string): void => {
    void settingsReady.then(() => queue.enqueue(uri));
  };

  const refreshSettings = async (): Promise<void> => {
    if (!clientSupportsConfiguration) return;
    try {
      const section = (await connection.workspace.getConfiguration({ section: 'apimStudio' })) as ApimStudioSettingsSection | null;
      settings = toAnalysisSettings(section);
      workspaceDiagnostics.setMode(toWorkspaceDiagnosticsMode(section), workspaceRoots);
    } catch (error) {
      connection.console.warn(`APIM Studio: could not read settings (${String(error)}); using defaults.`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    clientSupportsConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = folders.filter((uri) => uri.startsWith('file:')).map(pathOf);
    workspaceIndex.setRoots(workspaceRoots);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGER_CHARACTERS },
        definitionProvider: true,
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      },
      serverInfo: { name: 'apim-studio' },
    };
  });

  const revalidateAllAfterSettings = (): void => {
    settingsReady = refreshSettings();
    for (const document of documents.all()) schedule(document.uri);
  };
  connection.onInitialized(revalidateAllAfterSettings);
  connection.onDidChangeConfiguration(revalidateAllAfterSettings);

  documents.onDidOpen((event) => {
    openUriByPath.set(pathOf(event.document.uri), event.document.uri);
    schedule(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const changed = event.document;
    const changedPath = pathOf(changed.uri);
    schedule(changed.uri);
    if (basename(changedPath) === CONFIG_FILE_NAME) configLocator.clear();
    // A product or API policy (or APIOps JSON, or config) edit changes what other documents see; other edits do not.
    if (!documentKindFor({ path: changedPath, languageId: changed.languageId, text: changed.getText() }, files)) return;
    for (const document of documents.all()) {
      if (document.uri !== changed.uri && workspaceIndex.sameWorkspace(changedPath, pathOf(document.uri))) schedule(document.uri);
    }
    void connection.sendNotification(EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION);
  });
  connection.onDidChangeWatchedFiles(() => {
    workspaceIndex.invalidate();
    configLocator.clear();
    for (const document of documents.all()) schedule(document.uri);
    void connection.sendNotification(EFFECTIVE_POLICY_INPUTS_CHANGED_NOTIFICATION);
    workspaceDiagnostics.refresh();
  });
  documents.onDidClose((event) => {
    openUriByPath.delete(pathOf(event.document.uri));
    queue.cancel(event.document.uri);
    findingsCache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    // A closed file of a reviewed folder shows its findings from disk again.
    workspaceDiagnostics.refresh();
  });

  /** The open document, when it is within the size limit; requests on larger ones answer with nothing at once. */
  const requestDocument = (uri: string): TextDocument | undefined => {
    const document = documents.get(uri);
    return document && withinSizeLimit(document, settings) ? document : undefined;
  };

  connection.onDocumentSymbol((params) => {
    const document = requestDocument(params.textDocument.uri);
    const tree = document && policyTree(document, settings.maxDocumentSize);
    return document && tree ? documentSymbols(document, tree) : [];
  });

  connection.onFoldingRanges((params) => {
    const document = requestDocument(params.textDocument.uri);
    const tree = document && policyTree(document, settings.maxDocumentSize);
    return document && tree ? foldingRanges(document, tree) : [];
  });

  connection.onCodeAction((params) => {
    const document = requestDocument(params.textDocument.uri);
    if (!document) return [];
    // A code action request can arrive before the queued validation of this version ran: analyse now.
    if (!findingsCache.has(document.uri, document.version)) validate(document.uri);
    const kind = documentKindFor({ path: pathOf(document.uri), languageId: document.languageId, text: document.getText() }, files);
    const regions = findingsCache.commentRegions(document.uri, document.version);
    return codeActions(document, findingsCache.get(document.uri, document.version), params, (offset) => commentStyleAt(regions, kind?.commentStyle, offset));
  });

  connection.onRequest(EFFECTIVE_POLICY_REQUEST, (params: EffectivePolicyParams): EffectivePolicyResult => {
    // `<template uri>#L12` names the policy written inline at line 12 of a template (as the service view gives it).
    const inline = /^(file:[^#]*)(#L\d+)$/.exec(params.uri);
    const documentUri = inline?.[1] ?? params.uri;
    const open = documents.get(documentUri)?.getText();
    const hostPath = pathOf(documentUri);
    // Any path a client names (/etc/passwd, /dev/zero) is not read: only open documents and workspace files.
    if (open === undefined && (!documentUri.startsWith('file:') || !workspaceIndex.contains(hostPath))) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'APIM Studio shows the effective policy of documents inside the workspace folders only.');
    }
    const workspace = workspaceIndex.workspaceFor(hostPath);
    const path = inline === null ? hostPath : hostPath + inline[2];
    const inlineText = inline === null ? undefined : workspace?.textOf(workspace.relativePathOf(path) ?? '');
    if (inline !== null && inlineText === undefined) {
      throw new ResponseError(ErrorCodes.InvalidParams, `APIM Studio finds no policy written at ${inline[2].slice(1)} of this template.`);
    }
    const text = inlineText ?? open ?? readDisk(path) ?? '';
    if (text.length > settings.maxDocumentSize) return { text: tooLargeForRequest(text.length, settings.maxDocumentSize) };
    const view = effectivePolicyView(path, text, workspace, params.chain);
    const shown = params.chain === undefined ? effectivePolicyText(path, text, workspace) : view.text;
    return {
      text: shown,
      title: view.title,
      chains: [...view.chains],
      ...(view.chain !== undefined && params.chain !== undefined ? { chain: view.chain } : {}),
    };
  });

  connection.onRequest(SERVICE_TREE_REQUEST, (): ServiceTreeResult => {
    const countOf = (path: string, span?: Span): number | undefined => {
      const document = documents.get(pathToFileURL(path).href);
      if (document && findingsCache.has(document.uri, document.version)) {
        const findings = findingsCache.get(document.uri, document.version);
        return span === undefined ? findings.length : findings.filter((finding) => finding.span.start >= span.start && finding.span.start < span.end).length;
      }
      return workspaceDiagnostics.countOf(path, span);
    };
    const nodes = workspaceRoots.flatMap((root) => {
      const workspace = workspaceIndex.workspaceFor(join(root, 'policy.xml'));
      return workspace ? serviceTree(workspace, countOf) : [];
    });
    return { nodes: serviceTreeItems(nodes, (path) => openText(path) ?? readDisk(path)) };
  });

  registerPolicyLanguageFeatures(connection, requestDocument, analysisContext, (document) => {
    if (!findingsCache.has(document.uri, document.version)) validate(document.uri);
    return findingsCache.get(document.uri, document.version);
  });

  connection.onRequest(REVIEW_WORKSPACE_REQUEST, async (params: ReviewWorkspaceParams, token): Promise<ReviewWorkspaceResult> => {
    await settingsReady;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('APIM Studio: reviewing', 0, 'Listing files', true);
    let result: ReviewResult | undefined;
    try {
      result = await reviewPathsCancellable(
        params.folders,
        analysisContext(),
        (done, total) => progress.report(total === 0 ? 100 : Math.floor((100 * done) / total), `${done}/${total} documents`),
        () => token.isCancellationRequested || progress.token.isCancellationRequested,
      );
    } finally {
      progress.done();
    }
    if (result === undefined) return { documents: 0, findings: 0, errors: 0, warnings: 0, infos: 0, cancelled: true };
    workspaceDiagnostics.publishReview(params.folders, result, params.folders.every(isDirectory));
    for (const failure of result.ruleFailures) connection.console.error(`APIM Studio: rule ${failure.ruleId} failed on ${failure.path}: ${failure.message}`);
    const summary = summariseReview(result);
    return {
      documents: summary.documents,
      findings: summary.findings,
      errors: summary.bySeverity.error,
      warnings: summary.bySeverity.warning,
      infos: summary.bySeverity.info + summary.bySeverity.hint,
      reports: renderReviewReports(result, params.formats ?? [], params.baseFolder ?? params.folders[0] ?? '', params.nonce ?? ''),
      files: result.files.map((file) => file.path),
    };
  });

  process.on('unhandledRejection', (reason) => connection.console.error(`APIM Studio: unhandled rejection: ${String(reason)}`));

  documents.listen(validatedDocumentSync(connection, (message) => connection.console.warn(message)));
  connection.listen();
}
