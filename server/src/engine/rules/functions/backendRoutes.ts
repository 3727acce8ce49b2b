import { attribute, type XmlAttribute } from '../../policy/syntaxTree';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { appendAll } from '../../collections/appendAll';

/** A `set-backend-service` that can send requests to a backend entity named by a literal `backend-id`. */
export interface BackendRoute {
  readonly backendId: string;
  readonly statement: EffectiveStatement;
  readonly attribute: XmlAttribute;
}

function literalBackendId(statement: EffectiveStatement): XmlAttribute | undefined {
  const node = attribute(statement.element, 'backend-id');
  return node && node.embedded.length === 0 && node.value?.trim() ? node : undefined;
}

/**
 * The backend entities requests can reach, given the statements of the sections that run before
 * `forward-request` (inbound, then backend) in order. A `set-backend-service` at the top level replaces
 * every earlier choice (whatever its form: `backend-id`, `base-url` or an expression); one inside a
 * `choose` branch or another container only adds a possibility. Expressions and named values are unknown
 * and give no route.
 */
export function backendRoutes(statements: readonly EffectiveStatement[]): BackendRoute[] {
  let routes: BackendRoute[] = [];
  for (const statement of statements) {
    if (statement.name === 'set-backend-service') {
      const node = literalBackendId(statement);
      routes = node ? [{ backendId: node.value?.trim() ?? '', statement, attribute: node }] : [];
    } else {
      appendAll(routes, conditionalRoutes(statement.children));
    }
  }
  return routes;
}

function conditionalRoutes(statements: readonly EffectiveStatement[]): BackendRoute[] {
  const routes: BackendRoute[] = [];
  for (const statement of statements) {
    const node = statement.name === 'set-backend-service' ? literalBackendId(statement) : undefined;
    if (node) routes.push({ backendId: node.value?.trim() ?? '', statement, attribute: node });
    appendAll(routes, conditionalRoutes(statement.children));
  }
  return routes;
}
