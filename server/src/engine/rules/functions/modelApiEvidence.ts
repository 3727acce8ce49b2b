import { attribute } from '../../policy/syntaxTree';
import { isExpressionValue, usesNamedValue } from '../../policy/treeQueries';
import { aiApiEvidence } from '../../workspace/aiApiEvidence';
import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import type { ApiNode, ArtifactTree } from '../../workspace/serviceModel';
import { POLICY_SECTIONS } from '../../policy/policyVocabulary';

/** Policies that exist only for generative-AI APIs: token limits and metrics, semantic caching, content safety. */
const AI_POLICY = /^(llm|azure-openai)-/;

/** What the chains and the workspace can tell about the API a document belongs to. */
export interface ModelApiSurroundings {
  readonly api: ApiNode | undefined;
  readonly policies: readonly EffectivePolicy[];
  readonly trees: readonly ArtifactTree[];
}

/**
 * Why the API behind these chains looks like a generative-AI (LLM) API, or undefined: the workspace's own
 * evidence for the API, an `llm-*`/`azure-openai-*` policy on some chain, a backend call to a model endpoint
 * (literal `set-backend-service base-url`, or a backend entity / pool member whose URL is one). A managed identity
 * token for `https://cognitiveservices.azure.com` is no evidence: Translator, Document Intelligence and the other
 * Azure AI services share that audience and count no model tokens.
 */
export function modelApiEvidence(surroundings: ModelApiSurroundings): string | undefined {
  if (surroundings.api?.aiEvidence !== undefined) return surroundings.api.aiEvidence;
  for (const policy of surroundings.policies) {
    for (const section of POLICY_SECTIONS) {
      const evidence = statementEvidence(policy.sections[section].statements, surroundings.trees);
      if (evidence !== undefined) return evidence;
    }
  }
  return undefined;
}

function statementEvidence(statements: readonly EffectiveStatement[], trees: readonly ArtifactTree[]): string | undefined {
  for (const statement of statements) {
    const evidence = ownEvidence(statement, trees) ?? statementEvidence(statement.children, trees);
    if (evidence !== undefined) return evidence;
  }
  return undefined;
}

function ownEvidence(statement: EffectiveStatement, trees: readonly ArtifactTree[]): string | undefined {
  if (AI_POLICY.test(statement.name)) return `policy ${statement.name}`;
  if (statement.name === 'set-backend-service') {
    const baseUrl = literalValue(statement, 'base-url');
    if (baseUrl !== undefined && modelEndpoint(baseUrl)) return `backend URL ${baseUrl}`;
    const backendId = literalValue(statement, 'backend-id');
    return backendId === undefined ? undefined : backendEvidence(backendId, trees);
  }
  return undefined;
}

/** A backend entity, or any member of a pool, whose URL is a model endpoint. */
function backendEvidence(backendId: string, trees: readonly ArtifactTree[]): string | undefined {
  const backend = trees.map((tree) => tree.backends.get(backendId)).find((found) => found !== undefined);
  if (backend === undefined) return undefined;
  const urls = [backend.url, ...backend.poolMembers.map((member) => trees.map((tree) => tree.backends.get(member)?.url).find((url) => url !== undefined))];
  return urls.some((url) => url !== undefined && modelEndpoint(url)) ? `backend ${backendId}` : undefined;
}

function modelEndpoint(url: string): boolean {
  return (
    aiApiEvidence('', {
      displayName: undefined,
      path: undefined,
      subscriptionRequired: undefined,
      protocols: [],
      serviceUrl: url,
      type: 'http',
      isCurrent: undefined,
      apiRevision: undefined,
      apiVersion: undefined,
    }) !== undefined
  );
}

/** The attribute's value when it is written out literally (no expression, no named value). */
function literalValue(statement: EffectiveStatement, name: string): string | undefined {
  const found = attribute(statement.element, name);
  if (found === undefined || isExpressionValue(found) || usesNamedValue(found)) return undefined;
  const value = found.value?.trim();
  return value === undefined || value === '' ? undefined : value;
}
