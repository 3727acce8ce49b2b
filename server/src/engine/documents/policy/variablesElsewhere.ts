import type { VariablesElsewhere } from '../../expressions/checkExpressions';
import { attribute, type XmlElement } from '../../policy/syntaxTree';
import { allElements, elementsIn } from '../../policy/treeQueries';
import { effectivePoliciesForPolicyFile, type DocumentSource, type EffectivePolicyProblemKind } from '../../workspace/effectivePolicy';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import type { PolicyWorkspace } from '../../workspace/policyWorkspace';

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
 * effective policies, and (unless it is an operation, which has nothing below it) every other policy file of its
 * service, since a scope below runs its own statements around this one's `<base />`. Computed on first use.
 * Undefined answers when a level of a chain is of unknown kind or unreadable, or a fragment cannot be expanded.
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
  if (!scope || scope.kind === 'unknown' || scope.kind === 'fragment') return undefined;
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
  if (scope.kind === 'operation') return names;
  for (const [otherPath, otherScope] of workspace.model.policyFiles) {
    if (otherPath === path || otherScope.kind === 'unknown' || otherScope.root !== scope.root) continue;
    const document = source(otherPath);
    if (!document) return undefined;
    for (const element of allElements(document)) addSet(element, names);
  }
  return names;
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
