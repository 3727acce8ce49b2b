import type { AnalysisContext } from '../engine/analysis/analysisContext';
import { analyseDocument } from '../engine/analysis/analyseDocument';
import { DEFAULT_ANALYSIS_SETTINGS } from '../engine/analysis/analysisSettings';
import { PolicyWorkspace } from '../engine/analysis/policyWorkspace';
import { DEFAULT_CONFIG, type ApimStudioConfig } from '../engine/config/apimStudioConfig';
import type { Finding } from '../engine/findings/finding';

const ROOT = '/memory/ws';

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
    this.context = { settings: DEFAULT_ANALYSIS_SETTINGS, configFor: () => located, workspaceFor: () => this.workspace };
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
  const context: AnalysisContext = { settings: DEFAULT_ANALYSIS_SETTINGS, configFor: () => located, workspaceFor: () => undefined };
  return analyseDocument({ path: '/loose/example.policy.xml', text }, context).findings.filter((finding) => finding.code === ruleId);
}
