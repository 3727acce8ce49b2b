import type { XmlElement } from '../policy/syntaxTree';
import { attribute } from '../policy/syntaxTree';
import type { Embedded } from '../policy/syntaxTree';
import type { SchemaContext } from './schemaContext';
import type { SchemaReporter } from './schemaReporter';

/** `include-fragment` naming a fragment the workspace doesn't have. */
export function checkFragmentReference(element: XmlElement, context: SchemaContext, reporter: SchemaReporter): void {
  const fragmentId = attribute(element, 'fragment-id');
  if (!fragmentId?.value || !fragmentId.valueSpan || fragmentId.embedded.length > 0 || !context.fragmentExists) return;
  const id = fragmentId.value.trim();
  if (context.fragmentExists(id) === false) {
    reporter.report('unknown-fragment', `No policy fragment '${id}' in this folder.`, fragmentId.valueSpan);
  }
}

/** `{{name}}` references in attributes and text that the workspace's named values don't define. */
export function checkNamedValues(embedded: readonly Embedded[], context: SchemaContext, reporter: SchemaReporter): void {
  if (!context.namedValueExists) return;
  for (const reference of embedded) {
    if (reference.kind !== 'named-value') continue;
    if (context.namedValueExists(reference.name) === false) {
      reporter.report('unknown-named-value', `No named value '${reference.name}' in this folder.`, reference.nameSpan);
    }
  }
}
