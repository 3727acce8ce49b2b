import { attribute, type XmlElement } from '../../policy/syntaxTree';
import { isExpressionValue, usesNamedValue } from '../../policy/treeQueries';

/** Policies that authenticate the caller by a bearer token. */
export const TOKEN_VALIDATORS = ['validate-jwt', 'validate-azure-ad-token'];

/** Where a token validator reads the token: a request header or a query parameter. */
export interface TokenSource {
  readonly kind: 'header' | 'query';
  readonly name: string;
}

/**
 * Where a `validate-jwt` / `validate-azure-ad-token` reads its token, or undefined when that is only known at run
 * time (`token-value`, or a computed name). `validate-azure-ad-token` reads `Authorization` unless told otherwise;
 * `validate-jwt` has no default.
 */
export function tokenSourceOf(validator: XmlElement): TokenSource | undefined {
  if (attribute(validator, 'token-value') !== undefined) return undefined;
  const header = attribute(validator, 'header-name');
  const query = attribute(validator, 'query-parameter-name');
  const named = header ?? query;
  if (named !== undefined) {
    const name = named.value?.trim();
    if (name === undefined || name === '' || isExpressionValue(named) || usesNamedValue(named)) return undefined;
    return { kind: named === header ? 'header' : 'query', name };
  }
  return validator.name === 'validate-azure-ad-token' ? { kind: 'header', name: 'Authorization' } : undefined;
}
