import { pathForGlobs } from '../config/configLocator';
import { isSuppressedByConfig } from '../config/configSuppressions';
import { isIgnored, resolveRuleSettings } from '../config/resolveRuleSettings';
import type { DocumentInput } from '../documents/documentKind';
import type { Finding } from '../findings/finding';
import { parsePolicy } from '../policy/policyParser';
import type { XmlDocument } from '../policy/syntaxTree';
import { applyInlineSuppressions, inlineSuppressions } from '../rules/inlineSuppressions';
import type { PolicyChainContext } from '../rules/policyChainRule';
import { POLICY_CHAIN_RULES } from '../rules/policyChainRules';
import { POLICY_DOCUMENT_RULES } from '../rules/policyDocumentRules';
import type { RuleSettings } from '../rules/ruleSettings';
import { runRules, type RuleFailure, type RuleRun } from '../rules/runRules';
import { runPolicyDocumentRules } from '../rules/runPolicyDocumentRules';
import { unusedSuppressionFinding } from '../rules/unusedSuppressionFinding';
import type { DocumentScope, SchemaContext } from '../schema/schemaContext';
import { validatePolicySchema } from '../schema/validatePolicySchema';
import { LineMap } from '../text/lineMap';
import { computeEffectivePolicy, effectivePoliciesForPolicyFile, type DocumentSource } from '../workspace/effectivePolicy';
import { standaloneChain } from '../workspace/scopeChain';
import type { ApiNode, OperationNode, ServiceModel } from '../workspace/serviceModel';
import type { AnalysisContext } from './analysisContext';
import { withNamedValueFileFixes } from './namedValueFileFixes';
import { documentScopeOf, type PolicyWorkspace } from './policyWorkspace';

export interface PolicyAnalysis {
  readonly findings: Finding[];
  readonly failures: RuleFailure[];
}

/** How a policy that is not a file of its own (one embedded in a template) is analysed. */
export interface EmbeddedPolicyOptions {
  /** The scope its host states (a template's resource type); undefined when unknown. */
  readonly scope: DocumentScope | undefined;
}

/**
 * Syntax, schema, single-document rules and (with a workspace) effective-policy rules for one policy document.
 * With `embedded`, the document is seen alone at the given scope (the input path is its host file's, for config).
 */
export function analysePolicyDocument(input: DocumentInput, context: AnalysisContext, embedded?: EmbeddedPolicyOptions): PolicyAnalysis {
  const located = context.configFor(input.path);
  const relativeToConfig = pathForGlobs(located, input.path);
  if (isIgnored(located.config, relativeToConfig)) return { findings: [], failures: [] };
  const { document, findings: syntax } = parsePolicy(input.text);
  const ruleSettings = resolveRuleSettings(located.config, relativeToConfig);
  const workspace = embedded ? undefined : context.workspaceFor(input.path);
  const path = workspace?.relativePathOf(input.path);
  const place = workspace && path !== undefined ? workspacePlace(workspace, path, document) : undefined;
  const scope = embedded ? embedded.scope : documentScopeOf(place?.workspace.scopeOf(place.path));

  const schema = validatePolicySchema(document, { gateway: located.config.gateway, scope, ...(place ? referenceChecks(place) : {}) });
  const documentRules = runPolicyDocumentRules({ text: input.text, document, scope }, POLICY_DOCUMENT_RULES, ruleSettings);
  const chainRules = runChainRules(input, document, place, scope, ruleSettings, context.apiReportsCache);
  const lineMap = new LineMap(input.text);
  const today = new Date();
  const ruleFindings = [...documentRules.findings, ...chainRules.findings].filter(
    (finding) => !isSuppressedByConfig(located.config, finding.code, relativeToConfig, today),
  );
  const { kept, unused } = applyInlineSuppressions(
    place ? withNamedValueFileFixes(ruleFindings, input.text, place.workspace, place.path) : ruleFindings,
    inlineSuppressions(document, lineMap),
    lineMap,
  );
  return {
    findings: [...syntax, ...schema, ...kept, ...unused.map(unusedSuppressionFinding)],
    failures: [...documentRules.failures, ...chainRules.failures],
  };
}

/** A document inside a workspace, with the documents around it (this one read from the given text). */
interface WorkspacePlace {
  readonly workspace: PolicyWorkspace;
  readonly path: string;
  readonly source: DocumentSource;
}

function workspacePlace(workspace: PolicyWorkspace, path: string, document: XmlDocument): WorkspacePlace {
  return { workspace, path, source: (candidate) => (candidate === path ? document : workspace.documentFor(candidate)) };
}

/** Fragment and named value lookups; undefined (unknown) when the workspace defines none, so nothing is guessed. */
function referenceChecks(place: WorkspacePlace): Pick<SchemaContext, 'fragmentExists' | 'namedValueExists'> {
  const trees = place.workspace.treesOf(place.path);
  const anyFragments = trees.some((tree) => tree.fragments.size > 0);
  const anyNamedValues = trees.some((tree) => tree.namedValues.size > 0);
  return {
    fragmentExists: (id) => (anyFragments ? trees.some((tree) => tree.fragments.has(id)) : undefined),
    namedValueExists: (name) =>
      anyNamedValues ? trees.some((tree) => tree.namedValues.has(name) || [...tree.namedValues.values()].some((value) => value.displayName === name)) : undefined,
  };
}

function apiAndOperation(workspace: PolicyWorkspace, path: string): { api: ApiNode | undefined; operation: OperationNode | undefined } {
  const scope = workspace.scopeOf(path);
  if (!scope || (scope.kind !== 'api' && scope.kind !== 'operation')) return { api: undefined, operation: undefined };
  const tree = workspace.treesOf(path)[0];
  const api = tree?.apis.get(scope.api);
  const operation = scope.kind === 'operation' ? api?.operations.get(scope.operation) : undefined;
  return { api, operation };
}

/**
 * Effective-policy rules for API and operation documents (and loose policy documents, seen alone). In an
 * operation document, a report the same rule already makes on its API's document is dropped, so a
 * missing rate limit shows once, where it is best fixed.
 */
function runChainRules(
  input: DocumentInput,
  document: XmlDocument,
  place: WorkspacePlace | undefined,
  scope: DocumentScope | undefined,
  settings: RuleSettings,
  cache: Map<string, ReadonlySet<string>> | undefined,
): RuleRun {
  if (scope !== undefined && scope !== 'api' && scope !== 'operation') return { findings: [], failures: [] };
  // A fragment seen alone (outside an APIOps tree) has no chain of its own either: it runs where it is included.
  if (document.root?.name === 'fragment') return { findings: [], failures: [] };
  const policies = place
    ? effectivePoliciesForPolicyFile(place.workspace.model, place.path, place.source)
    : [computeEffectivePolicy(EMPTY_MODEL, standaloneChain(input.path), (candidate) => (candidate === input.path ? document : undefined))];
  const { api, operation } = place ? apiAndOperation(place.workspace, place.path) : { api: undefined, operation: undefined };
  const trees = place ? place.workspace.treesOf(place.path) : [];
  const base = { text: input.text, document, path: place?.path ?? input.path, scope, api, operation, trees, environment: settings.environment };

  const alreadyReported = scope === 'operation' && place && api?.policyPath ? apiReports(place, api.policyPath, base, settings, cache) : new Set<string>();
  return runRules(
    POLICY_CHAIN_RULES,
    settings,
    (report): PolicyChainContext => ({ ...base, policies, report }),
    (ruleId, item) => alreadyReported.has(`${ruleId}\u0000${item.message}`),
  );
}

/** The reports (rule id + message) effective-policy rules make on an API's own document. */
function apiReports(
  place: WorkspacePlace,
  apiPath: string,
  base: Omit<PolicyChainContext, 'policies' | 'report'>,
  settings: RuleSettings,
  cache: Map<string, ReadonlySet<string>> | undefined,
): ReadonlySet<string> {
  const key = `${place.workspace.root}\u0000${apiPath}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const reported = new Set<string>();
  const apiDocument = place.source(apiPath);
  const apiText = place.workspace.textOf(apiPath);
  if (apiDocument && apiText !== undefined) {
    const apiPolicies = effectivePoliciesForPolicyFile(place.workspace.model, apiPath, place.source);
    // Run the rules on the API's own document only to learn what they report there.
    runRules(
      POLICY_CHAIN_RULES,
      settings,
      (report): PolicyChainContext => ({ ...base, text: apiText, document: apiDocument, path: apiPath, scope: 'api', operation: undefined, policies: apiPolicies, report }),
      (ruleId, item) => {
        reported.add(`${ruleId}\u0000${item.message}`);
        return true;
      },
    );
  }
  cache?.set(key, reported);
  return reported;
}

const EMPTY_MODEL: ServiceModel = { roots: [], policyFiles: new Map(), problems: [] };
