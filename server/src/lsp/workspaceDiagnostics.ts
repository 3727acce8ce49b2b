import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReview, ReviewResult } from '../engine/review/reviewResult';
import type { Span } from '../engine/text/span';
import { toDiagnostic } from './toLsp';

/** When review findings become diagnostics of files that are not open: after a review, always, or never. */
export type WorkspaceDiagnosticsMode = 'onReview' | 'always' | 'off';

export const WORKSPACE_DIAGNOSTICS_MODES: readonly WorkspaceDiagnosticsMode[] = ['onReview', 'always', 'off'];

/** Runs a background review of the folders (no progress shown); undefined when it was superseded or failed. */
export type BackgroundReview = (folders: readonly string[], isCancelled: () => boolean) => Promise<ReviewResult | undefined>;

/**
 * The Problems panel for files that are not open: the findings of the last review of the workspace folders,
 * published as diagnostics and kept in step with the files (each change re-reviews the same folders in the
 * background, newest run wins). Open documents are left to live validation.
 */
export class WorkspaceDiagnostics {
  private mode: WorkspaceDiagnosticsMode = 'onReview';
  /** Folders of the last review; undefined before any (in onReview mode nothing is published until then). */
  private folders: readonly string[] | undefined;
  private published = new Set<string>();
  /** Where each finding of a published file (absolute path) starts, for the service view's counts. */
  private readonly findingStarts = new Map<string, number[]>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly isOpen: (uri: string) => boolean,
    private readonly review: BackgroundReview,
  ) {}

  /** Applies the setting; `always` reviews the given roots at once, `off` clears what was published. */
  setMode(mode: WorkspaceDiagnosticsMode, roots: readonly string[]): void {
    this.mode = mode;
    if (mode === 'off') {
      this.generation++;
      this.clear(new Set());
      return;
    }
    if (mode === 'always' && roots.length > 0) {
      this.folders = this.folders ?? roots;
      this.refresh();
    }
  }

  /**
   * After a review: publish its findings (unless off). A review of folders is followed from now on; a review of
   * single files adds their findings to what is shown.
   */
  publishReview(folders: readonly string[], result: ReviewResult, ofFolders: boolean): void {
    if (this.mode === 'off') return;
    if (!ofFolders) {
      this.publish(result.files, false);
      return;
    }
    this.folders = folders;
    this.generation++;
    this.publish(result.files, true);
  }

  /** A file changed, appeared or went away on disk, or an editor closed: review the followed folders again. */
  refresh(): void {
    const folders = this.folders;
    if (this.mode === 'off' || folders === undefined) return;
    const generation = ++this.generation;
    void this.review(folders, () => generation !== this.generation).then((result) => {
      if (result !== undefined && generation === this.generation) this.publish(result.files, true);
    });
  }

  /** Publishes the files' findings; `replace` also clears files published before and absent now (deleted). */
  private publish(files: readonly FileReview[], replace: boolean): void {
    const now = new Set<string>(replace ? [] : this.published);
    for (const file of files) {
      const uri = pathToFileURL(file.path).href;
      if (this.isOpen(uri)) continue;
      now.add(uri);
      this.findingStarts.set(
        file.path,
        file.findings.map((finding) => finding.span.start),
      );
      const document = TextDocument.create(uri, '', 0, file.text);
      void this.connection.sendDiagnostics({ uri, diagnostics: file.findings.map((finding) => toDiagnostic(document, finding)) });
    }
    this.clear(now);
  }

  /** The findings of a file of the last review (those starting inside `span` when given), when it was reviewed. */
  countOf(path: string, span?: Span): number | undefined {
    const starts = this.findingStarts.get(path);
    if (starts === undefined || span === undefined) return starts?.length;
    return starts.filter((start) => start >= span.start && start < span.end).length;
  }

  /** Clears what was published and is not in `keep`. */
  private clear(keep: ReadonlySet<string>): void {
    for (const uri of this.published) {
      if (!keep.has(uri) && !this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published = new Set(keep);
  }
}
