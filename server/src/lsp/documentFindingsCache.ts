import type { CommentStyleRegion } from '../engine/findings/commentStyle';
import type { Finding } from '../engine/findings/finding';

/** The findings last published for each document version; code actions look fixes up here. */
export class DocumentFindingsCache {
  private readonly entries = new Map<string, { version: number; findings: readonly Finding[]; commentRegions: readonly CommentStyleRegion[] }>();

  set(uri: string, version: number, findings: readonly Finding[], commentRegions: readonly CommentStyleRegion[] = []): void {
    this.entries.set(uri, { version, findings, commentRegions });
  }

  /** The parts of the version whose suppression directives take another comment style (policies in heredocs). */
  commentRegions(uri: string, version: number): readonly CommentStyleRegion[] {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.commentRegions : [];
  }

  has(uri: string, version: number): boolean {
    return this.entries.get(uri)?.version === version;
  }

  get(uri: string, version: number): readonly Finding[] {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.findings : [];
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
