import { attribute, childElements, type XmlElement } from '../../policy/syntaxTree';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { descendantElements } from './descendantElements';

/** Policies whose whole purpose is to check who the caller is. */
export const CALLER_AUTHENTICATION_POLICIES = ['validate-jwt', 'validate-azure-ad-token', 'validate-client-certificate'];

const REJECTION_STATUSES = ['401', '403'];

function literalValue(element: XmlElement, name: string): string | undefined {
  const node = attribute(element, name);
  return node && node.embedded.length === 0 ? node.value?.trim() : undefined;
}

/** `check-header` that compares the header with listed values (a shared secret) and answers 401 or 403 otherwise. */
function checksSharedSecret(element: XmlElement): boolean {
  const status = literalValue(element, 'failed-check-httpcode');
  return status !== undefined && REJECTION_STATUSES.includes(status) && childElements(element).some((child) => child.name === 'value');
}

/** A `when` branch that turns the caller away with 401 or 403: a hand-written credential check. */
function rejectsUnauthorized(branch: XmlElement): boolean {
  return descendantElements(branch)
    .filter((element) => element.name === 'return-response')
    .some((response) => childElements(response).some((child) => child.name === 'set-status' && REJECTION_STATUSES.includes(literalValue(child, 'code') ?? '')));
}

/**
 * Whether a statement authenticates the caller: a token or client-certificate validation policy, a
 * `check-header` against known values that rejects with 401/403, or a `choose` with a branch that answers
 * 401/403 (the condition is the author's own check). A `check-header` that only tests presence does not
 * count: any value passes it.
 */
export function authenticatesCaller(statement: EffectiveStatement): boolean {
  if (CALLER_AUTHENTICATION_POLICIES.includes(statement.name)) return true;
  if (statement.name === 'check-header') return checksSharedSecret(statement.element);
  if (statement.name === 'choose') return childElements(statement.element).some((branch) => branch.name === 'when' && rejectsUnauthorized(branch));
  return false;
}
