import type { AttributeDefinition } from '../catalog/policyDefinition';

/** Escapes the characters that mean something in snippet syntax (inside choices, `,` and `|` too). */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}|,]/g, (character) => '\\' + character);
}

/** `name="$n"`, offering the enumerated values as a choice when there are any. */
export function attributePlaceholder(attribute: AttributeDefinition, index: number): string {
  const values = attribute.values ?? [];
  const body = values.length > 0 ? `\${${index}|${values.map(escapeSnippet).join(',')}|}` : `\${${index}}`;
  return `${attribute.name}="${body}"`;
}
