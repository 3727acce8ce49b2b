import type { XmlDocument } from '../policy/syntaxTree';
import { attributeCompletions, attributeValueCompletions } from './attributeCompletions';
import { cursorContextAt, type CursorContext } from './cursorContext';
import type { Span } from '../text/span';
import { elementCompletions } from './elementCompletions';
import { expressionCompletions } from './expressionCompletions';
import type { LanguageCompletion } from './languageCompletion';
import type { LanguageEnvironment } from './languageEnvironment';
import { namedValueCompletions } from './namedValueCompletions';

/** Which contexts each trigger character asks about, so typing a space or a quote in prose stays quiet. */
const TRIGGERED_KINDS: Readonly<Record<string, readonly CursorContext['kind'][]>> = {
  '<': ['element-name'],
  ' ': ['attribute-name'],
  '"': ['attribute-value'],
  '{': ['named-value', 'expression'],
  '.': ['expression'],
  '@': ['expression-start'],
};

/** `@(...)` and `@{...}` skeletons replacing the typed `@`. */
function expressionStarters(replace: Span): LanguageCompletion[] {
  return [
    { label: '@(...)', kind: 'snippet', detail: 'Single-statement policy expression', insertText: '@(${1:context.})', snippet: true, replace, sortText: '0' },
    {
      label: '@{...}',
      kind: 'snippet',
      detail: 'Multi-statement policy expression',
      insertText: '@{\n\t${1}\n\treturn ${2:null};\n}',
      snippet: true,
      replace,
      sortText: '1',
    },
  ];
}

/**
 * Completions at an offset of a parsed policy document. `triggerCharacter` is the character whose typing
 * asked for completion, if any (undefined for a deliberate request, which is answered in every context).
 */
export function policyCompletions(document: XmlDocument, offset: number, environment: LanguageEnvironment, triggerCharacter?: string): LanguageCompletion[] {
  const context = cursorContextAt(document, offset);
  if (triggerCharacter !== undefined && !TRIGGERED_KINDS[triggerCharacter]?.includes(context.kind)) return [];
  switch (context.kind) {
    case 'element-name':
      return elementCompletions(context, environment);
    case 'attribute-name':
      return attributeCompletions(context);
    case 'attribute-value':
      return attributeValueCompletions(context, environment);
    case 'named-value':
      return namedValueCompletions(context, environment);
    case 'expression':
      return expressionCompletions(context);
    case 'expression-start':
      return expressionStarters(context.replace);
    case 'none':
      return [];
  }
}
