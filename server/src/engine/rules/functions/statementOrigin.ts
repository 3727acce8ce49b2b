import type { EffectiveStatement } from '../../workspace/effectiveStatement';

/**
 * Where a statement was written, for messages: `fragment retry-backend` for fragment content, else the label
 * of its scope (`global`, `API orders`, `this document`). The same on an API and on its operations, so the
 * runner can tell a repeated report apart from a new one.
 */
export function statementOrigin(statement: EffectiveStatement): string {
  const fragment = statement.includedVia[statement.includedVia.length - 1];
  return fragment ? `fragment ${fragment.fragmentId}` : statement.level.label;
}
