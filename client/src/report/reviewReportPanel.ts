import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REVIEW_WORKSPACE_REQUEST, type ReviewWorkspaceParams, type ReviewWorkspaceResult } from '../../../server/src/protocol/customRequests';
import { reviewSummaryText } from './reviewSummaryText';
import { parseReportWebviewMessage, REPORT_EXPORT_FORMATS, type ReportExportFormat } from './webviewMessages';

/** What to review: files or folders, and the folder report paths are relative to. */
export interface ReviewScope {
  readonly paths: string[];
  readonly baseFolder: string;
}

const WEBVIEW_FORMAT = 'webview';

const EXPORT_FILES: Readonly<Record<ReportExportFormat, { readonly name: string; readonly filter: Record<string, string[]> }>> = {
  markdown: { name: 'apim-review.md', filter: { Markdown: ['md'] } },
  html: { name: 'apim-review.html', filter: { HTML: ['html'] } },
  sarif: { name: 'apim-review.sarif', filter: { SARIF: ['sarif', 'json'] } },
};

/**
 * The review report in a webview: runs the review in the language server (which shows cancellable
 * progress), shows the HTML page, and answers the page's validated messages (open a finding, export, re-run).
 */
export class ReviewReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private scope: ReviewScope | undefined;
  private reports: Record<string, string> = {};
  private reviewedFiles: ReadonlySet<string> = new Set();

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  /** Reviews the scope and shows the report; resolves with the server's summary (undefined without a server). */
  async review(scope: ReviewScope): Promise<ReviewWorkspaceResult | undefined> {
    const client = this.getClient();
    if (!client) {
      void vscode.window.showWarningMessage('APIM Studio: the language server is not running.');
      return undefined;
    }
    const params: ReviewWorkspaceParams = {
      folders: scope.paths,
      formats: [WEBVIEW_FORMAT, ...REPORT_EXPORT_FORMATS],
      baseFolder: scope.baseFolder,
      nonce: randomBytes(16).toString('base64'),
    };
    const result = await client.sendRequest<ReviewWorkspaceResult>(REVIEW_WORKSPACE_REQUEST, params);
    if (result.cancelled === true) {
      void vscode.window.showInformationMessage('APIM Studio: review cancelled.');
      return result;
    }
    void vscode.window.showInformationMessage(reviewSummaryText(result));
    this.scope = scope;
    this.reports = result.reports ?? {};
    this.reviewedFiles = new Set(result.files ?? []);
    this.show(this.reports[WEBVIEW_FORMAT] ?? '');
    return result;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private show(html: string): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('apimStudio.reviewReport', 'APIM Review', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(message));
    }
    this.panel.webview.html = html;
    this.panel.reveal();
  }

  private async handle(raw: unknown): Promise<void> {
    const message = parseReportWebviewMessage(raw, this.reviewedFiles);
    if (message === undefined) return;
    if (message.type === 'open') {
      const position = new vscode.Position(message.line - 1, message.column - 1);
      await vscode.window.showTextDocument(vscode.Uri.file(message.file), {
        selection: new vscode.Range(position, position),
        viewColumn: vscode.ViewColumn.Beside,
      });
    } else if (message.type === 'export') {
      await this.export(message.format);
    } else if (this.scope) {
      await this.review(this.scope);
    }
  }

  /** Saves the export rendered with the on-screen review, by default as `apim-review.<ext>` in the base folder. */
  private async export(format: ReportExportFormat): Promise<void> {
    const text = this.reports[format];
    if (text === undefined || !this.scope) return;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(join(this.scope.baseFolder, EXPORT_FILES[format].name)),
      filters: EXPORT_FILES[format].filter,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`APIM Studio: report saved to ${target.fsPath}.`);
  }
}
