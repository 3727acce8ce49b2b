import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import { parsePolicy } from '../policy/policyParser';
import { computeEffectivePolicy, effectivePoliciesForPolicyFile, type EffectivePolicy } from '../workspace/effectivePolicy';
import { renderEffectivePolicies, renderEffectivePolicy } from '../workspace/effectivePolicyRenderer';
import { standaloneChain, type ScopeChain } from '../workspace/scopeChain';
import type { ServiceModel } from '../workspace/serviceModel';

const NO_MODEL: ServiceModel = { roots: [], policyFiles: new Map(), problems: [] };

/** The live "Effective policy" view of a policy file: one chain at a time, with the others to switch to. */
export interface EffectivePolicyView {
  /** "Effective policy: orders-api / create-order (via product starter)". */
  readonly title: string;
  /** Every chain's name (`via product starter`, `without a product`), in the order the rules report them. */
  readonly chains: readonly string[];
  /** The chain shown; undefined when the document has none (a fragment). */
  readonly chain: string | undefined;
  readonly text: string;
}

/** What the chain leads to, by name: `orders-api / create-order`, `product starter`, `global`. */
function targetName(chain: ScopeChain): string {
  const api = chain.levels.find((level) => level.kind === 'api');
  const operation = chain.levels.find((level) => level.kind === 'operation');
  if (api) return operation ? `${api.name} / ${operation.name}` : api.name;
  const last = chain.levels[chain.levels.length - 1];
  return last?.kind === 'unknown' ? 'this document' : (last?.label ?? 'this document');
}

export function effectivePolicyTitle(chain: ScopeChain): string {
  const via = chain.reason === 'product' || chain.name === 'without a product' ? ` (${chain.name})` : '';
  return `Effective policy: ${targetName(chain)}${via}`;
}

/**
 * The effective policy of one chain of a policy file (the first when `chainName` names none), using `text` for the
 * file itself (an unsaved editor buffer) and the workspace for every other scope.
 */
export function effectivePolicyView(path: string, text: string, workspace: PolicyWorkspace | undefined, chainName?: string): EffectivePolicyView {
  const document = parsePolicy(text).document;
  const relativePath = workspace?.relativePathOf(path);
  let policies: EffectivePolicy[];
  if (workspace && relativePath !== undefined && workspace.scopeOf(relativePath)) {
    const source = (candidate: string) => (candidate === relativePath ? document : workspace.documentFor(candidate));
    policies = effectivePoliciesForPolicyFile(workspace.model, relativePath, source);
  } else {
    policies = [computeEffectivePolicy(NO_MODEL, standaloneChain(path), (candidate) => (candidate === path ? document : undefined))];
  }
  const shown = policies.find((policy) => policy.chain.name === chainName) ?? policies[0];
  if (!shown) return { title: 'Effective policy: a fragment', chains: [], chain: undefined, text: renderEffectivePolicies([]) };
  return {
    title: effectivePolicyTitle(shown.chain),
    chains: policies.map((policy) => policy.chain.name),
    chain: shown.chain.name,
    text: renderEffectivePolicy(shown),
  };
}
