import type { VariablesElsewhere } from '../../expressions/checkExpressions';
import { attribute, type XmlElement } from '../../policy/syntaxTree';
import { allElements, elementsIn } from '../../policy/treeQueries';
import { effectivePoliciesForPolicyFile, type DocumentSource, type EffectivePolicyProblemKind } from '../../workspace/effectivePolicy';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import type { PolicyWorkspace } from '../../workspace/policyWorkspace';
import type { ApiNode } from '../../workspace/serviceModel';

/** Problems that hide statements of the effective policy (a duplicate `<base />` hides nothing). */
const HIDING_PROBLEMS: ReadonlySet<EffectivePolicyProblemKind> = new Set([
  'fragment-missing',
  'fragment-unreadable',
  'fragment-cycle',
  'fragment-too-deep',
  'fragment-without-id',
]);

/**
 * The variables the documents around a workspace policy file set: its parent scopes and the fragments on its
 * effective policies, and the scopes below it (an API's operations, a product's APIs and their operations), since
 * those run their own statements around this one's `<base />`. Computed on first use. Undefined answers when a
 * level of a chain is of unknown kind or unreadable, a fragment cannot be expanded, product membership is unknown,
 * or the document is a global or workspace policy (everything lies below those; not worth reading per keystroke).
 */
export function variablesElsewhere(workspace: PolicyWorkspace, path: string, source: DocumentSource): VariablesElsewhere {
  let known: ReadonlySet<string> | undefined | null = null;
  return {
    isSet: (name) => {
      if (known === null) known = collect(workspace, path, source);
      return known === undefined ? undefined : known.has(name);
    },
  };
}

function collect(workspace: PolicyWorkspace, path: string, source: DocumentSource): ReadonlySet<string> | undefined {
  const scope = workspace.scopeOf(path);
  if (!scope || (scope.kind !== 'api' && scope.kind !== 'operation' && scope.kind !== 'product')) return undefined;
  const policies = effectivePoliciesForPolicyFile(workspace.model, path, source);
  if (policies.length === 0) return undefined;
  const names = new Set<string>();
  for (const policy of policies) {
    if (policy.problems.some((problem) => HIDING_PROBLEMS.has(problem.kind))) return undefined;
    for (const section of Object.values(policy.sections)) {
      if (section.contributions.some((contribution) => contribution.level.kind === 'unknown' || contribution.state === 'unreadable')) return undefined;
      addStatements(section.statements, names);
    }
  }
  const below = scopesBelow(workspace, path);
  if (below === undefined) return undefined;
  let includesFragments = false;
  for (const belowPath of below) {
    const document = source(belowPath);
    if (!document) return undefined;
    for (const element of allElements(document)) {
      addSet(element, names);
      if (element.name === 'include-fragment') includesFragments = true;
    }
  }
  // A scope below may include any fragment: count what every fragment of the service sets.
  if (includesFragments) {
    for (const tree of workspace.treesOf(path)) {
      for (const fragment of tree.fragments.values()) {
        const document = fragment.policyPath === undefined ? undefined : source(fragment.policyPath);
        if (!document) return undefined;
        for (const element of allElements(document)) addSet(element, names);
      }
    }
  }
  return names;
}

/** Policy files of the scopes below an API (its operations) or a product (its APIs and theirs); undefined when not known. */
function scopesBelow(workspace: PolicyWorkspace, path: string): string[] | undefined {
  const scope = workspace.scopeOf(path);
  const tree = workspace.treesOf(path)[0];
  if (!scope || !tree) return undefined;
  const withOperations = (api: ApiNode): string[] => [
    ...(api.policyPath === undefined ? [] : [api.policyPath]),
    ...[...api.operations.values()].flatMap((operation) => (operation.policyPath === undefined ? [] : [operation.policyPath])),
  ];
  if (scope.kind === 'operation') return [];
  if (scope.kind === 'api') {
    const api = tree.apis.get(scope.api);
    return api ? withOperations(api).filter((below) => below !== path) : undefined;
  }
  if (scope.kind !== 'product') return undefined;
  const product = tree.products.get(scope.product);
  if (!product?.membershipKnown) return undefined;
  const members = new Set(product.apiNames);
  return [...tree.apis.values()].filter((api) => members.has(api.name)).flatMap(withOperations);
}

function addStatements(statements: readonly EffectiveStatement[], names: Set<string>): void {
  for (const statement of statements) {
    for (const element of elementsIn([statement.element])) addSet(element, names);
    // Container bodies again, for the fragments expanded inside them.
    addStatements(statement.children, names);
  }
}

/** The variable a `set-variable` sets, or one a policy stores its result in (`response-variable-name`, ...). */
function addSet(element: XmlElement, names: Set<string>): void {
  if (element.name === 'set-variable') {
    const name = attribute(element, 'name')?.value;
    if (name !== undefined) names.add(name);
  }
  for (const item of element.attributes) {
    if ((item.name === 'variable-name' || item.name.endsWith('-variable-name')) && item.value !== undefined) names.add(item.value);
  }
}
