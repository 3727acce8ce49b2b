import type { Embedded, NamedValueReference } from '../policy/syntaxTree';
import { containsOffset } from '../text/span';

/** The `{{named value}}` reference around an offset, among a value's or a text's embedded items. */
export function namedValueAt(embedded: readonly Embedded[], offset: number): NamedValueReference | undefined {
  return embedded.find((item): item is NamedValueReference => item.kind === 'named-value' && containsOffset(item.span, offset));
}
