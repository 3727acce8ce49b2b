import type { XmlDocument } from '../policy/syntaxTree';
import type { EffectivePolicy } from '../workspace/effectivePolicy';
import type { ApiNode, ArtifactTree, OperationNode } from '../workspace/serviceModel';
import type { Environment, RuleReport } from './policyRule';
import type { RuleMeta } from './ruleMeta';
import type { DocumentScope } from '../policy/policyVocabulary';

/**
 * An API or operation policy seen with everything that runs around it: one effective policy per chain
 * (global -> [workspace] -> product -> API -> operation), and what the workspace says about the API.
 */
export interface PolicyChainContext {
  readonly text: string;
  readonly document: XmlDocument;
  /** Workspace-relative path of the document being analysed. */
  readonly path: string;
  readonly scope: DocumentScope | undefined;
  /** One per alternative chain (one per product, plus one without a product when possible). */
  readonly policies: readonly EffectivePolicy[];
  /** The API the document belongs to; undefined for a loose document. */
  readonly api: ApiNode | undefined;
  readonly operation: OperationNode | undefined;
  /** Trees whose backends and named values the policy can use, nearest first. */
  readonly trees: readonly ArtifactTree[];
  readonly environment: Environment;
  report(report: RuleReport): void;
}

/** A rule that needs the effective policy across scopes. */
export interface PolicyChainRule {
  readonly meta: RuleMeta;
  check(context: PolicyChainContext): void;
}
