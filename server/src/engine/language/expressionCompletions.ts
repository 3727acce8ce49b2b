import { ALLOWED_TYPES, STATIC_MEMBERS, shortTypeName } from '../expressions/allowedTypes';
import { CONTEXT_TYPE, EXPRESSION_TYPES, type ExpressionMember } from '../expressions/contextMembers';
import type { CursorContext } from './cursorContext';
import { expressionPosition, nodesAround } from './expressionAtOffset';
import { modelMembers } from '../expressions/expressionTypes';
import type { LanguageCompletion } from './languageCompletion';

type ExpressionPlace = Extract<CursorContext, { kind: 'expression' }>;

/** One step of a member-access chain such as `context.Request.Headers["x"]`. */
interface ChainSegment {
  readonly name: string;
  readonly call: boolean;
  readonly indexers: number;
}

function isIdentifierChar(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_]/.test(character);
}

/** True when the code ends inside a string or char literal (quotes may be written `&quot;` in attribute values). */
function endsInLiteral(code: string): boolean {
  let quote: '"' | "'" | undefined;
  let verbatim = false;
  for (let index = 0; index < code.length; index++) {
    const character = code.startsWith('&quot;', index) ? '"' : code[index];
    const width = code.startsWith('&quot;', index) ? 6 : 1;
    if (quote === undefined) {
      if (character === '"' || character === "'") {
        quote = character;
        verbatim = character === '"' && code[index - 1] === '@';
      }
    } else if (character === '\\' && !verbatim) {
      index++;
    } else if (character === quote) {
      quote = undefined;
    }
    index += width - 1;
  }
  return quote !== undefined;
}

/** The index of the bracket that opens the one closing at `close`, or -1. Bracket-like characters in strings are rare enough here to ignore. */
function openingBracket(code: string, close: number, open: string, closing: string): number {
  let depth = 0;
  for (let index = close; index >= 0; index--) {
    if (code[index] === closing) depth++;
    else if (code[index] === open && --depth === 0) return index;
  }
  return -1;
}

function skipSpaceBack(code: string, position: number): number {
  let current = position;
  while (current > 0 && /\s/.test(code[current - 1])) current--;
  return current;
}

/** The member-access chain that ends at `end` (just before a `.`), read backwards; undefined when it is not one. */
function chainEndingAt(code: string, end: number): ChainSegment[] | undefined {
  const segments: ChainSegment[] = [];
  let position = end;
  // Chains are short; the bound keeps pathological input cheap.
  for (let steps = 0; steps < 32; steps++) {
    position = skipSpaceBack(code, position);
    let indexers = 0;
    let call = false;
    while (code[position - 1] === ']') {
      position = openingBracket(code, position - 1, '[', ']');
      if (position < 0) return undefined;
      indexers++;
      position = skipSpaceBack(code, position);
    }
    if (code[position - 1] === ')') {
      position = openingBracket(code, position - 1, '(', ')');
      if (position < 0) return undefined;
      call = true;
      position = skipSpaceBack(code, position);
      if (code[position - 1] === '>') {
        position = openingBracket(code, position - 1, '<', '>');
        if (position < 0) return undefined;
        position = skipSpaceBack(code, position);
      }
    }
    let start = position;
    while (start > 0 && isIdentifierChar(code[start - 1])) start--;
    if (start === position) return undefined;
    segments.unshift({ name: code.slice(start, position), call, indexers });
    position = skipSpaceBack(code, start);
    if (code[position - 1] !== '.') return segments;
    position--;
    if (code[position - 1] === '?') position--;
  }
  return undefined;
}

/** The members a resolved receiver offers: instance members of a typed value, static members of a type, or names in a namespace. */
type Receiver = { readonly kind: 'members'; readonly members: readonly ExpressionMember[] } | { readonly kind: 'namespace'; readonly prefix: string };

function indexed(type: string, count: number): string | undefined {
  let current: string | undefined = type;
  for (let index = 0; index < count && current !== undefined; index++) current = EXPRESSION_TYPES[current]?.indexer;
  return current;
}

function resolveReceiver(chain: readonly ChainSegment[]): Receiver | undefined {
  const [first, ...rest] = chain;
  let members: readonly ExpressionMember[] | undefined;
  let type: string | undefined;
  if (first.name === 'context' && !first.call) {
    type = indexed(CONTEXT_TYPE, first.indexers);
  } else if (chain.every((segment) => !segment.call && segment.indexers === 0)) {
    const dotted = chain.map((segment) => segment.name).join('.');
    const fullType = ALLOWED_TYPES.find((name) => name === dotted || shortTypeName(name) === dotted);
    if (fullType) return { kind: 'members', members: STATIC_MEMBERS[shortTypeName(fullType)] ?? [] };
    if (ALLOWED_TYPES.some((name) => name.startsWith(`${dotted}.`))) return { kind: 'namespace', prefix: `${dotted}.` };
    return undefined;
  } else if (STATIC_MEMBERS[first.name] && !first.call && first.indexers === 0) {
    members = STATIC_MEMBERS[first.name];
  } else {
    return undefined;
  }
  for (const segment of rest) {
    const available: readonly ExpressionMember[] | undefined = members ?? (type === undefined ? undefined : EXPRESSION_TYPES[type]?.members);
    const member = available?.find((candidate) => candidate.name === segment.name);
    if (!member || (member.kind === 'method') !== segment.call) return undefined;
    members = undefined;
    type = indexed(member.type, segment.indexers);
  }
  const result = members ?? (type === undefined ? undefined : EXPRESSION_TYPES[type]?.members);
  return result === undefined ? undefined : { kind: 'members', members: result };
}

function memberCompletion(member: ExpressionMember, place: ExpressionPlace): LanguageCompletion {
  return {
    label: member.name,
    kind: member.kind,
    detail: member.kind === 'method' ? `${member.signature}: ${member.type}` : member.type,
    documentation: member.description,
    insertText: member.name,
    snippet: false,
    replace: place.replace,
  };
}

function namespaceCompletions(prefix: string, place: ExpressionPlace): LanguageCompletion[] {
  const next = new Map<string, boolean>();
  for (const name of ALLOWED_TYPES) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const dot = rest.indexOf('.');
    const segment = dot < 0 ? rest : rest.slice(0, dot);
    next.set(segment, (next.get(segment) ?? false) || dot < 0);
  }
  return [...next].map(([segment, isType]) => ({
    label: segment,
    kind: isType ? 'type' : 'namespace',
    detail: prefix + segment,
    insertText: segment,
    snippet: false,
    replace: place.replace,
  }));
}

/** `context`, the allowed .NET types (by short name, as APIM imports their namespaces) and their root namespaces. */
function rootCompletions(place: ExpressionPlace): LanguageCompletion[] {
  const context: LanguageCompletion = {
    label: 'context',
    kind: 'variable',
    detail: CONTEXT_TYPE,
    documentation: 'The request context: Request, Response, Variables, Api, Operation, Product, Subscription, User and more.',
    insertText: 'context',
    snippet: false,
    replace: place.replace,
    sortText: '0-context',
  };
  const types = ALLOWED_TYPES.map(
    (name): LanguageCompletion => ({
      label: shortTypeName(name),
      kind: 'type',
      detail: name,
      insertText: shortTypeName(name),
      snippet: false,
      replace: place.replace,
    }),
  );
  const namespaces = ['Newtonsoft', 'System'].map(
    (name): LanguageCompletion => ({ label: name, kind: 'namespace', detail: 'namespace', insertText: name, snippet: false, replace: place.replace }),
  );
  return [context, ...types, ...namespaces];
}

/** Completions inside `@(...)` and `@{...}`: members after `.`, otherwise `context` and the allowed types. */
export function expressionCompletions(place: ExpressionPlace): LanguageCompletion[] {
  const code = place.codeBefore;
  const wordStart = code.length - typedBeforeCursor(code);
  if (endsInLiteral(code.slice(0, wordStart))) return [];
  const position = skipSpaceBack(code, wordStart);
  if (code[position - 1] !== '.') return rootCompletions(place);
  const typed = typedReceiverMembers(place);
  if (typed) return typed.map((member) => memberCompletion(member, place));
  const receiverEnd = code[position - 2] === '?' ? position - 2 : position - 1;
  const chain = chainEndingAt(code, receiverEnd);
  const receiver = chain && resolveReceiver(chain);
  if (!receiver) return [];
  return receiver.kind === 'namespace' ? namespaceCompletions(receiver.prefix, place) : receiver.members.map((member) => memberCompletion(member, place));
}

/**
 * The members after a `.` from the expression's syntax tree and types, which follow calls, casts, locals and
 * indexers (`context.Request.Headers.GetValueOrDefault("x", "").` gives string members); undefined when the
 * receiver's type is unknown, and the text-based chain reading takes over.
 */
function typedReceiverMembers(place: ExpressionPlace): readonly ExpressionMember[] | undefined {
  const position = expressionPosition(place.expression, place.replace.start);
  const member = nodesAround(place.expression, position.index, true).find((node) => node.kind === 'member' && node.nameStart === position.index);
  if (member?.kind !== 'member') return undefined;
  const receiver = position.types.typeOf(member.target);
  return receiver === undefined ? undefined : modelMembers(receiver);
}

/** Identifier characters typed right before the cursor. */
function typedBeforeCursor(code: string): number {
  let count = 0;
  while (count < code.length && isIdentifierChar(code[code.length - 1 - count])) count++;
  return count;
}
