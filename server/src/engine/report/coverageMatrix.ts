import { join } from 'node:path';
import type { PolicyWorkspace } from '../workspace/policyWorkspace';
import { computeEffectivePolicy } from '../workspace/effectivePolicy';
import { scopeChainsForApi, standaloneChain, type ScopeChain } from '../workspace/scopeChain';
import type { ServiceModel } from '../workspace/serviceModel';
import { hostFileOf } from '../workspace/templateServiceModel';
import { COVERAGE_COLUMNS, type CoverageColumnId, type CoverageStatus } from './coverageColumns';

/** One cell: the status over every chain, and the chains that lack the safeguard (fully or on some paths). */
export interface CoverageCell {
  readonly status: CoverageStatus;
  /** Chain names, with ` (some paths)` when the safeguard runs only in some branches. Empty when ok. */
  readonly lacking: readonly string[];
}

/** One API, operation, or loose policy document. */
export interface CoverageRow {
  readonly kind: 'api' | 'operation' | 'document';
  /** The API id (or, for a loose document, its path); the report's API filter uses it. */
  readonly api: string;
  readonly operation: string | undefined;
  /** The APIM workspace the API lives in, if any. */
  readonly apimWorkspace: string | undefined;
  /** Absolute path of the row's own policy file, when it has one. */
  readonly policyFile: string | undefined;
  readonly cells: Readonly<Record<CoverageColumnId, CoverageCell>>;
}

function cellsFor(chains: readonly ScopeChain[], workspace: PolicyWorkspace): Record<CoverageColumnId, CoverageCell> {
  const policies = chains.map((chain) => computeEffectivePolicy(workspace.model, chain, (path) => workspace.documentFor(path)));
  const cells = {} as Record<CoverageColumnId, CoverageCell>;
  for (const column of COVERAGE_COLUMNS) {
    const statuses = policies.map((policy) => ({ chain: policy.chain.name, status: column.evaluate(policy, workspace.model) }));
    const lacking = statuses
      .filter((entry) => entry.status !== 'ok')
      .map((entry) => (entry.status === 'partial' ? `${entry.chain} (some paths)` : entry.chain));
    const status: CoverageStatus =
      statuses.length > 0 && statuses.every((entry) => entry.status === 'ok')
        ? 'ok'
        : statuses.every((entry) => entry.status === 'missing')
          ? 'missing'
          : 'partial';
    cells[column.id] = { status, lacking };
  }
  return cells;
}

/** The file a policy lives in: an inline template policy (`main.bicep#L12`) lives in its template. */
function absolute(workspace: PolicyWorkspace, relativePath: string | undefined): string | undefined {
  return relativePath === undefined ? undefined : join(workspace.root, ...hostFileOf(relativePath).split('/'));
}

function rowsOfModel(model: ServiceModel, workspace: PolicyWorkspace): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const root of model.roots) {
    const trees = [{ name: undefined, tree: root.service }, ...[...root.workspaces.values()].map((tree) => ({ name: tree.name as string | undefined, tree }))];
    for (const { name, tree } of trees) {
      for (const api of [...tree.apis.values()].sort((a, b) => a.id.localeCompare(b.id))) {
        const base = { api: api.id, apimWorkspace: name };
        rows.push({
          ...base,
          kind: 'api',
          operation: undefined,
          policyFile: absolute(workspace, api.policyPath),
          cells: cellsFor(scopeChainsForApi(model, root.path, name, api.id, undefined), workspace),
        });
        // An operation without its own policy runs exactly the API's row; listing it would only repeat it.
        const withPolicies = [...api.operations.values()].filter((operation) => operation.policyPath !== undefined);
        for (const operation of withPolicies.sort((a, b) => a.name.localeCompare(b.name))) {
          const chains = scopeChainsForApi(model, root.path, name, api.id, operation.name);
          rows.push({
            ...base,
            kind: 'operation',
            operation: operation.name,
            policyFile: absolute(workspace, operation.policyPath),
            cells: cellsFor(chains, workspace),
          });
        }
      }
    }
  }
  for (const [path, scope] of [...model.policyFiles].sort(([a], [b]) => a.localeCompare(b))) {
    if (scope.kind !== 'unknown') continue;
    rows.push({
      kind: 'document',
      api: path,
      operation: undefined,
      apimWorkspace: undefined,
      policyFile: absolute(workspace, path),
      cells: cellsFor([standaloneChain(path)], workspace),
    });
  }
  return rows;
}

/**
 * The coverage matrix: a row per API and operation of every reviewed APIOps tree (and per loose policy
 * document), computed from effective policies rather than findings, so it is right even with rules off.
 */
export function coverageMatrix(workspaces: readonly PolicyWorkspace[]): CoverageRow[] {
  return workspaces.flatMap((workspace) => rowsOfModel(workspace.model, workspace));
}
