import type { AttributeDefinition } from '../catalog/policyDefinition';

/** Escapes the characters that mean something in snippet syntax (inside choices, `,` and `|` too). */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}|,]/g, (character) => `\\${character}`);
}

/** `name="$n"`, offering the enumerated values as a choice when there are any. */
export function attributePlaceholder(attribute: AttributeDefinition, index: number): string {
  const values = attribute.values ?? [];
  const body = values.length > 0 ? `\${${index}|${values.map(escapeSnippet).join(',')}|}` : `\${${index}}`;
  return `${attribute.name}="${body}"`;
}

/**
 * A snippet as the plain text it inserts before any placeholder is edited: a choice gives its first value, a
 * placeholder its default, a tab stop nothing. For hosts whose own escaping would clash with snippet syntax
 * (policies inside template strings).
 */
export function snippetAsPlainText(snippet: string): string {
  let text = '';
  let index = 0;
  while (index < snippet.length) {
    const character = snippet[index];
    if (character === '\\' && index + 1 < snippet.length) {
      text += snippet[index + 1];
      index += 2;
    } else if (character === '$' && /\d/.test(snippet[index + 1] ?? '')) {
      index += 1 + (/^\d+/.exec(snippet.slice(index + 1))?.[0].length ?? 0);
    } else if (character === '$' && snippet[index + 1] === '{') {
      const close = placeholderEnd(snippet, index + 2);
      const body = snippet.slice(index + 2, close);
      const choice = /^\d+\|(.*)\|$/s.exec(body);
      const defaultText = /^\d+:(.*)$/s.exec(body);
      if (choice) text += snippetAsPlainText(choice[1].split(/(?<!\\),/)[0]);
      else if (defaultText) text += snippetAsPlainText(defaultText[1]);
      index = close + 1;
    } else {
      text += character;
      index++;
    }
  }
  return text;
}

/** The index of the `}` that closes a placeholder whose body starts at `from` (nested placeholders skipped). */
function placeholderEnd(snippet: string, from: number): number {
  let depth = 0;
  for (let index = from; index < snippet.length; index++) {
    const character = snippet[index];
    if (character === '\\') index++;
    else if (character === '$' && snippet[index + 1] === '{') {
      depth++;
      index++;
    } else if (character === '}') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return snippet.length;
}
