import type { Severity } from '../findings/finding';

/**
 * Severity of every schema diagnostic. Errors are what APIM rejects or what breaks at runtime; warnings
 * cover facts the docs state less firmly (scopes, gateways, cardinality of some policies, child order)
 * and references that may exist outside the workspace; info covers what only affects readers.
 */
export const SCHEMA_SEVERITY = {
  'invalid-root': 'error',
  'unknown-element': 'error',
  'element-not-allowed-here': 'error',
  'policy-outside-section': 'error',
  'policy-not-allowed-in-section': 'error',
  'policy-not-allowed-at-scope': 'warning',
  'policy-not-supported-on-gateway': 'warning',
  'missing-required-attribute': 'error',
  'unknown-attribute': 'warning',
  'invalid-attribute-value': 'error',
  'invalid-number': 'error',
  // The file is a template of a policy: the value is only wrong if the deployment forgets to replace it.
  'placeholder-value': 'info',
  'one-of-violation': 'error',
  'missing-required-element': 'error',
  'repeated-element': 'error',
  'child-out-of-order': 'warning',
  'repeated-policy': 'warning',
  'when-without-condition': 'error',
  'otherwise-not-last': 'error',
  'base-in-fragment': 'error',
  'repeated-base': 'error',
  'repeated-section': 'error',
  // APIM accepts any section order (it writes outbound before backend itself) and runs them in pipeline order:
  // a style note, shown in the editor but not counted as a problem.
  'section-out-of-order': 'hint',
  'unknown-fragment': 'error',
  'unknown-named-value': 'warning',
  // Policy expressions read as C# (see engine/expressions): the compiler or the gateway rejects these.
  'expression-unknown-member': 'error',
  'expression-type-not-allowed': 'error',
  'expression-variable-type-mismatch': 'warning',
  'expression-variable-not-set': 'info',
} as const satisfies Record<string, Severity>;

export type SchemaCode = keyof typeof SCHEMA_SEVERITY;

export const SCHEMA_CODES = Object.keys(SCHEMA_SEVERITY) as SchemaCode[];
