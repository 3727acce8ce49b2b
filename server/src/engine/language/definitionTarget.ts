import type { NamedValueReference, XmlDocument } from '../policy/syntaxTree';
import { namedValueAt } from './namedValueAt';
import { allElements } from '../policy/treeQueries';
import { containsOffset, type Span } from '../text/span';
import type { LanguageEnvironment } from './languageEnvironment';
import { findNamedValue } from './workspaceReferences';

/** Where a reference in a policy is defined: the file of a fragment, named value or backend. */
export interface DefinitionTarget {
  /** The reference in the policy (the fragment id, the `{{name}}` name, the backend id). */
  readonly originSpan: Span;
  /** Absolute path of the defining file. */
  readonly path: string;
}

function namedValueTarget(reference: NamedValueReference | undefined, environment: LanguageEnvironment): DefinitionTarget | undefined {
  const value = reference && findNamedValue(environment.references, reference.name);
  return reference && value ? { originSpan: reference.nameSpan, path: value.path } : undefined;
}

/**
 * Go-to-definition: `include-fragment fragment-id` to the fragment's policy.xml, `{{name}}` to its
 * namedValueInformation.json and `backend-id` to its backendInformation.json.
 */
export function definitionTarget(document: XmlDocument, offset: number, environment: LanguageEnvironment): DefinitionTarget | undefined {
  const references = environment.references;
  for (const element of allElements(document)) {
    if (!containsOffset(element.span, offset)) continue;
    for (const attribute of element.attributes) {
      const valueSpan = attribute.valueSpan;
      if (!valueSpan || !containsOffset(valueSpan, offset)) continue;
      const named = namedValueTarget(namedValueAt(attribute.embedded, offset), environment);
      if (named) return named;
      const id = attribute.value?.trim();
      if (id === undefined || attribute.embedded.length > 0) return undefined;
      if (element.name === 'include-fragment' && attribute.name === 'fragment-id') {
        const path = references.fragments.find((fragment) => fragment.id === id)?.path;
        return path === undefined ? undefined : { originSpan: valueSpan, path };
      }
      if (attribute.name === 'backend-id') {
        const backend = references.backends.find((candidate) => candidate.id === id);
        return backend ? { originSpan: valueSpan, path: backend.path } : undefined;
      }
      return undefined;
    }
    for (const child of element.children) {
      if (child.kind !== 'text' || !containsOffset(child.span, offset)) continue;
      const named = namedValueTarget(namedValueAt(child.embedded, offset), environment);
      if (named) return named;
    }
  }
  return undefined;
}
