import type { AnalysisContext } from '../engine/analysis/analysisContext';
import { analyseDocument } from '../engine/analysis/analyseDocument';
import { DEFAULT_ANALYSIS_SETTINGS } from '../engine/analysis/analysisSettings';
import { PolicyWorkspace } from '../engine/workspace/policyWorkspace';
import { DEFAULT_CONFIG, type ApimStudioConfig } from '../engine/config/apimStudioConfig';
import type { FileAccess } from '../engine/files/fileAccess';
import type { Finding } from '../engine/findings/finding';

const ROOT = '/memory/ws';

/** Files answered from the memory workspace (absolute paths under ROOT); nothing else exists. */
function memoryFiles(files: Readonly<Record<string, string>>): FileAccess {
  const relative = (path: string): string | undefined => (path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : undefined);
  return {
    readText: (path) => {
      const inside = relative(path);
      return inside === undefined ? undefined : files[inside];
    },
    listFolder: (path) => {
      const prefix = path === ROOT ? '' : `${relative(path) ?? '\u0000'}/`;
      const names = Object.keys(files)
        .filter((file) => file.startsWith(prefix))
        .map((file) => file.slice(prefix.length).split('/')[0]);
      return [...new Set(names)];
    },
  };
}

/**
 * An APIOps workspace held in memory (workspace-relative path -> text), analysed exactly as the CLI and
 * the server analyse a folder, for rules that need scopes, products and the effective policy.
 */
export class MemoryWorkspace {
  readonly workspace: PolicyWorkspace;
  private readonly context: AnalysisContext;

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    config: Partial<ApimStudioConfig> = {},
  ) {
    this.workspace = PolicyWorkspace.load(ROOT, Object.keys(files), (path) => files[path]);
    const located = { config: { ...DEFAULT_CONFIG, ...config }, folder: ROOT };
    this.context = {
      settings: DEFAULT_ANALYSIS_SETTINGS,
      files: memoryFiles(files),
      today: new Date(),
      configFor: () => located,
      workspaceFor: () => this.workspace,
    };
  }

  /** All findings of one file. */
  analyse(path: string): Finding[] {
    const text = this.files[path];
    if (text === undefined) throw new Error(`no file ${path} in the memory workspace`);
    return analyseDocument({ path: `${ROOT}/${path}`, text }, this.context).findings;
  }

  /** The findings of one rule in one file. */
  findingsOf(ruleId: string, path: string): Finding[] {
    return this.analyse(path).filter((finding) => finding.code === ruleId);
  }
}

/** The findings of one rule on a document analysed alone (a loose file outside any APIOps tree). */
export function looseFindings(ruleId: string, text: string, config: Partial<ApimStudioConfig> = {}): Finding[] {
  const located = { config: { ...DEFAULT_CONFIG, ...config }, folder: undefined };
  const context: AnalysisContext = {
    settings: DEFAULT_ANALYSIS_SETTINGS,
    files: memoryFiles({}),
    today: new Date(),
    configFor: () => located,
    workspaceFor: () => undefined,
  };
  return analyseDocument({ path: '/loose/example.policy.xml', text }, context).findings.filter((finding) => finding.code === ruleId);
}
