import { findAttribute } from '../catalog/catalog';
import type { AttributeDefinition } from '../catalog/policyDefinition';
import type { CursorContext } from './cursorContext';
import { resolveElement } from './elementResolution';
import type { LanguageCompletion } from './languageCompletion';
import type { LanguageEnvironment } from './languageEnvironment';
import { attributeMarkdown } from './policyMarkdown';
import { attributePlaceholder } from './snippetText';

type AttributeNamePlace = Extract<CursorContext, { kind: 'attribute-name' }>;
type AttributeValuePlace = Extract<CursorContext, { kind: 'attribute-value' }>;

function attributeDetail(attribute: AttributeDefinition): string {
  const values = attribute.values && attribute.values.length > 0 ? `: ${attribute.values.join(' | ')}` : '';
  return `${attribute.required ? 'required' : 'optional'} ${attribute.kind}${values}`;
}

/** Attributes of the element at the cursor that it does not have yet, required ones first. */
export function attributeCompletions(place: AttributeNamePlace): LanguageCompletion[] {
  const resolved = resolveElement(place.element);
  const shape = resolved.shape;
  if (!shape || shape.content === 'markup') return [];
  const present = new Set(place.element.attributes.filter((attribute) => attribute !== place.editing).map((attribute) => attribute.name));
  // Renaming an attribute that already has a value keeps the value: only the name is replaced.
  const keepsValue = place.editing?.valueSpan !== undefined;
  return shape.attributes
    .filter((attribute) => !present.has(attribute.name))
    .map((attribute) => {
      return {
        label: attribute.name,
        kind: 'attribute',
        detail: attributeDetail(attribute),
        documentation: attributeMarkdown(attribute, place.element.name, resolved.owner),
        insertText: keepsValue ? attribute.name : attributePlaceholder(attribute, 1),
        snippet: !keepsValue,
        replace: place.replace,
        sortText: `${attribute.required ? '0' : '1'}-${attribute.name}`,
      };
    });
}

/** Values for the attribute at the cursor: fragment ids, backend ids or the enumerated values. */
export function attributeValueCompletions(place: AttributeValuePlace, environment: LanguageEnvironment): LanguageCompletion[] {
  const name = place.attribute.name;
  const references = environment.references;
  if (place.element.name === 'include-fragment' && name === 'fragment-id') {
    return references.fragments.map((fragment) => ({
      label: fragment.id,
      kind: 'fragment',
      detail: 'Policy fragment',
      insertText: fragment.id,
      snippet: false,
      replace: place.replace,
    }));
  }
  if (name === 'backend-id') {
    return references.backends.map((backend) => ({
      label: backend.id,
      kind: 'backend',
      detail: [backend.type, backend.url].filter((part) => part !== undefined).join(' · ') || 'Backend',
      insertText: backend.id,
      snippet: false,
      replace: place.replace,
    }));
  }
  const shape = resolveElement(place.element).shape;
  const definition = shape && findAttribute(shape, name);
  return (definition?.values ?? []).map((value) => ({
    label: value,
    kind: 'value',
    detail: value === definition?.default ? 'default' : undefined,
    insertText: value,
    snippet: false,
    replace: place.replace,
  }));
}
