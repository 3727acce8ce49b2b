import { parsePolicy } from '../policy/policyParser';
import { computeEffectivePolicy, effectivePoliciesForPolicyFile } from '../workspace/effectivePolicy';
import { renderEffectivePolicies } from '../workspace/effectivePolicyRenderer';
import { standaloneChain } from '../workspace/scopeChain';
import { EMPTY_SERVICE_MODEL } from '../workspace/serviceModel';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';

/**
 * The "Show Effective Policy" text of a document: every chain's flattened policy with the scope each
 * statement came from. Uses the given text for the document itself (an unsaved editor buffer).
 */
export function effectivePolicyText(path: string, text: string, workspace: PolicyWorkspace | undefined): string {
  const document = parsePolicy(text).document;
  const relativePath = workspace?.relativePathOf(path);
  if (workspace && relativePath !== undefined && workspace.scopeOf(relativePath)) {
    const source = (candidate: string) => (candidate === relativePath ? document : workspace.documentFor(candidate));
    return renderEffectivePolicies(effectivePoliciesForPolicyFile(workspace.model, relativePath, source));
  }
  const chain = standaloneChain(path);
  return renderEffectivePolicies([computeEffectivePolicy(EMPTY_SERVICE_MODEL, chain, (candidate) => (candidate === path ? document : undefined))]);
}
