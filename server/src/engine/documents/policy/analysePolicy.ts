import { checkExpressions } from '../../expressions/checkExpressions';
import type { Finding } from '../../findings/finding';
import { parsePolicy } from '../../policy/policyParser';
import type { DocumentScope, PolicySection } from '../../policy/policyVocabulary';
import type { XmlDocument } from '../../policy/syntaxTree';
import { inlineSuppressions } from '../../rules/inlineSuppressions';
import type { PolicyChainContext } from '../../rules/policyChainRule';
import { POLICY_CHAIN_RULES } from '../../rules/policyChainRules';
import { POLICY_DOCUMENT_RULES } from '../../rules/policyDocumentRules';
import type { RuleReport } from '../../rules/policyRule';
import { runRules, type RuleRun } from '../../rules/runRules';
import { runPolicyDocumentRules } from '../../rules/runPolicyDocumentRules';
import type { SchemaContext } from '../../schema/schemaContext';
import { validatePolicySchema } from '../../schema/validatePolicySchema';
import { LineMap } from '../../text/lineMap';
import { computeEffectivePolicy, effectivePoliciesForPolicyFile, type DocumentSource, type EffectivePolicy } from '../../workspace/effectivePolicy';
import { documentScopeOf, type PolicyWorkspace } from '../../workspace/policyWorkspace';
import { standaloneChain } from '../../workspace/scopeChain';
import { EMPTY_SERVICE_MODEL, type ApiNode, type OperationNode } from '../../workspace/serviceModel';
import type { ApiReportsCache, DocumentInput, KindAnalysis, KindContext } from '../documentKind';
import { withNamedValueFileFixes } from './namedValueFileFixes';
import { variablesElsewhere } from './variablesElsewhere';

/**
 * Syntax, schema, single-document rules and (with a workspace) effective-policy rules for one policy document.
 * A document embedded in a host file is seen alone, at the scope its host states.
 */
export function analysePolicy(input: DocumentInput, context: KindContext): KindAnalysis {
  const { document, findings: syntax } = parsePolicy(input.text);
  const workspace = input.host ? undefined : context.workspaceFor(input.path);
  const path = workspace?.relativePathOf(input.path);
  const place = workspace && path !== undefined ? workspacePlace(workspace, path, document) : undefined;
  const scope = input.host ? input.host.scope : documentScopeOf(place?.workspace.scopeOf(place.path));
  const schema = [
    ...validatePolicySchema(document, { gateway: context.config.gateway, scope, ...(place ? referenceChecks(place) : {}) }),
    ...checkExpressions(document, place ? variablesElsewhere(place.workspace, place.path, place.source) : undefined),
  ];
  const parentSectionDrops = place ? parentSectionDropsOf(place) : undefined;
  const documentRules = runPolicyDocumentRules(
    { text: input.text, document, scope, ...(parentSectionDrops ? { parentSectionDrops } : {}) },
    POLICY_DOCUMENT_RULES,
    context.ruleSettings,
  );
  const chainRules = runChainRules(input, document, place, scope, context);
  const ruleFindings: Finding[] = [...documentRules.findings, ...chainRules.findings];
  return {
    findings: [...syntax, ...schema, ...(place ? withNamedValueFileFixes(ruleFindings, input.text, place.workspace, place.path) : ruleFindings)],
    failures: [...documentRules.failures, ...chainRules.failures],
    suppressions: inlineSuppressions(document, new LineMap(input.text)),
    embedded: [],
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

/**
 * For a document in a folder: whether leaving `<base />` out of a section drops parent statements on some chain
 * (true), on none with every parent known (false), or cannot be told (undefined: a parent level of unknown kind).
 */
function parentSectionDropsOf(place: WorkspacePlace): (section: PolicySection) => boolean | undefined {
  let policies: EffectivePolicy[] | undefined;
  return (section) => {
    policies ??= effectivePoliciesForPolicyFile(place.workspace.model, place.path, place.source);
    if (policies.length === 0) return undefined;
    let drops = false;
    for (const policy of policies) {
      const contributions = policy.sections[section].contributions;
      const own = contributions.findIndex((contribution) => contribution.level.policyPath === place.path);
      if (own < 0 || contributions.slice(0, own).some((contribution) => contribution.level.kind === 'unknown')) return undefined;
      if (contributions[own].dropped.length > 0) drops = true;
    }
    return drops;
  };
}

/** Fragment and named value lookups; undefined (unknown) when the workspace defines none, so nothing is guessed. */
function referenceChecks(place: WorkspacePlace): Pick<SchemaContext, 'fragmentExists' | 'namedValueExists'> {
  const trees = place.workspace.treesOf(place.path);
  const anyFragments = trees.some((tree) => tree.fragments.size > 0);
  const anyNamedValues = trees.some((tree) => tree.namedValues.size > 0);
  return {
    fragmentExists: (id) => (anyFragments ? trees.some((tree) => tree.fragments.has(id)) : undefined),
    namedValueExists: (name) =>
      anyNamedValues
        ? trees.some((tree) => tree.namedValues.has(name) || [...tree.namedValues.values()].some((value) => value.displayName === name))
        : undefined,
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

/** What identifies a report across documents: its rule and what it says about the chain. */
function reportIdentity(ruleId: string, report: RuleReport): string {
  return `${ruleId}\u0000${report.message}`;
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
  context: KindContext,
): RuleRun {
  if (scope !== undefined && scope !== 'api' && scope !== 'operation') return { findings: [], failures: [] };
  // A fragment seen alone (outside an APIOps tree) has no chain of its own either: it runs where it is included.
  if (document.root?.name === 'fragment') return { findings: [], failures: [] };
  const policies = place
    ? effectivePoliciesForPolicyFile(place.workspace.model, place.path, place.source)
    : [computeEffectivePolicy(EMPTY_SERVICE_MODEL, standaloneChain(input.path), (candidate) => (candidate === input.path ? document : undefined))];
  const { api, operation } = place ? apiAndOperation(place.workspace, place.path) : { api: undefined, operation: undefined };
  const trees = place ? place.workspace.treesOf(place.path) : [];
  const settings = context.ruleSettings;
  const base = { text: input.text, document, path: place?.path ?? input.path, scope, api, operation, trees, environment: settings.environment };
  const alreadyReported = scope === 'operation' && place && api?.policyPath ? apiReports(place, api.policyPath, base, context) : new Set<string>();
  return runRules(
    POLICY_CHAIN_RULES,
    settings,
    (report): PolicyChainContext => ({ ...base, policies, report }),
    (ruleId, item) => alreadyReported.has(reportIdentity(ruleId, item)),
  );
}

/** The reports effective-policy rules make on an API's own document. */
function apiReports(place: WorkspacePlace, apiPath: string, base: Omit<PolicyChainContext, 'policies' | 'report'>, context: KindContext): ReadonlySet<string> {
  const cache: ApiReportsCache | undefined = context.apiReportsCache;
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
      context.ruleSettings,
      (report): PolicyChainContext => ({
        ...base,
        text: apiText,
        document: apiDocument,
        path: apiPath,
        scope: 'api',
        operation: undefined,
        policies: apiPolicies,
        report,
      }),
      (ruleId, item) => {
        reported.add(reportIdentity(ruleId, item));
        return true;
      },
    );
  }
  cache?.set(key, reported);
  return reported;
}
