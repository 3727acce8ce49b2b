import { PolicyWorkspace } from '../engine/workspace/policyWorkspace';
import { reviewedExtensions } from '../engine/review/reviewFiles';
import { listWorkspaceFiles } from '../engine/review/workspaceFiles';
import { join, sep } from 'node:path';

/**
 * The editor's view of its workspace folders as APIM services. Each folder is scanned once, on first
 * need; file texts come from open buffers first, then from disk (cached until files change on disk).
 */
export class WorkspaceIndex {
  private readonly workspaces = new Map<string, PolicyWorkspace>();
  private readonly diskTexts = new Map<string, string | undefined>();
  private roots: string[] = [];

  constructor(
    private readonly openText: (absolutePath: string) => string | undefined,
    /** Reads a file from disk (guarded: regular files, a size limit, links only into the workspace folders). */
    private readonly readFile: (absolutePath: string) => string | undefined,
  ) {}

  /** The workspace folders (file-system paths). */
  get folders(): readonly string[] {
    return this.roots;
  }

  /** True for a path inside one of the workspace folders. */
  contains(absolutePath: string): boolean {
    return this.roots.some((root) => absolutePath.startsWith(root.endsWith(sep) ? root : root + sep));
  }

  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
    this.invalidate();
  }

  /** Forget every scan and cached text: files were created, deleted or changed on disk. */
  invalidate(): void {
    this.workspaces.clear();
    this.diskTexts.clear();
  }

  workspaceFor(absolutePath: string): PolicyWorkspace | undefined {
    const root = this.roots
      .filter((candidate) => absolutePath.startsWith(candidate.endsWith(sep) ? candidate : candidate + sep))
      .sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return undefined;
    let workspace = this.workspaces.get(root);
    if (!workspace) {
      const prefix = root.endsWith(sep) ? root : root + sep;
      const files = listWorkspaceFiles([root], reviewedExtensions()).map((file) => file.slice(prefix.length).split(sep).join('/'));
      workspace = PolicyWorkspace.load(root, files, (relativePath) => this.textOf(join(root, relativePath)));
      this.workspaces.set(root, workspace);
    }
    return workspace;
  }

  /** All loaded workspaces' roots that contain a path (to revalidate dependants after an edit). */
  sameWorkspace(a: string, b: string): boolean {
    const workspace = this.workspaceFor(a);
    return workspace !== undefined && workspace.relativePathOf(b) !== undefined;
  }

  private textOf(absolutePath: string): string | undefined {
    const open = this.openText(absolutePath);
    if (open !== undefined) return open;
    if (!this.diskTexts.has(absolutePath)) this.diskTexts.set(absolutePath, this.readFile(absolutePath));
    return this.diskTexts.get(absolutePath);
  }
}
