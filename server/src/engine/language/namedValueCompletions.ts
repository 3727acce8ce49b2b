import type { CursorContext } from './cursorContext';
import type { LanguageCompletion } from './languageCompletion';
import type { LanguageEnvironment } from './languageEnvironment';
import { referenceNameOf, type WorkspaceReferences } from './workspaceReferences';

type NamedValuePlace = Extract<CursorContext, { kind: 'named-value' }>;

/** What to show about a named value without revealing secrets. */
export function namedValueDescription(value: WorkspaceReferences['namedValues'][number]): string {
  if (value.keyVault) return 'Key Vault secret';
  if (value.secret) return 'secret';
  return value.value === undefined ? 'named value' : value.value;
}

/** `{{` completions from the workspace's named values. */
export function namedValueCompletions(place: NamedValuePlace, environment: LanguageEnvironment): LanguageCompletion[] {
  return environment.references.namedValues.map((value) => {
    const name = referenceNameOf(value);
    return {
      label: name,
      kind: 'named-value',
      detail: namedValueDescription(value),
      insertText: place.needsClosingBraces ? `${name}}}` : name,
      snippet: false,
      replace: place.replace,
    };
  });
}
