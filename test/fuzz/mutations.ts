import { randomInt, type Random } from './seededRandom';

/** Fragments that open or close the constructs the policy reader treats specially. */
export const INSERTED_TOKENS = ['<', '"', '@(', '@{', '{{', ']]>', '-->'] as const;

/** One edit applied to a document; printed with a failing case so it can be understood. */
export type Mutation =
  | { readonly kind: 'flip'; readonly offset: number; readonly from: number; readonly to: number }
  | { readonly kind: 'truncate'; readonly length: number }
  | { readonly kind: 'insert'; readonly offset: number; readonly token: string }
  | { readonly kind: 'delete'; readonly offset: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly offset: number; readonly length: number };

export function describeMutation(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'flip':
      return `flip @${mutation.offset} U+${mutation.from.toString(16)} -> U+${mutation.to.toString(16)}`;
    case 'truncate':
      return `truncate to ${mutation.length}`;
    case 'insert':
      return `insert ${JSON.stringify(mutation.token)} @${mutation.offset}`;
    case 'delete':
      return `delete ${mutation.length} @${mutation.offset}`;
    case 'duplicate':
      return `duplicate ${mutation.length} @${mutation.offset}`;
  }
}

function applyMutation(text: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'flip':
      return text.slice(0, mutation.offset) + String.fromCharCode(mutation.to) + text.slice(mutation.offset + 1);
    case 'truncate':
      return text.slice(0, mutation.length);
    case 'insert':
      return text.slice(0, mutation.offset) + mutation.token + text.slice(mutation.offset);
    case 'delete':
      return text.slice(0, mutation.offset) + text.slice(mutation.offset + mutation.length);
    case 'duplicate': {
      const copied = text.slice(mutation.offset, mutation.offset + mutation.length);
      return text.slice(0, mutation.offset) + copied + text.slice(mutation.offset);
    }
  }
}

/** Picks one mutation for `text`. Flips change one byte (a low code unit) to any byte value, like a corrupt file. */
function pickMutation(text: string, random: Random): Mutation {
  const length = text.length;
  const roll = random();
  if (length === 0 || roll < 0.4) {
    return { kind: 'insert', offset: randomInt(random, length + 1), token: INSERTED_TOKENS[randomInt(random, INSERTED_TOKENS.length)] };
  }
  if (roll < 0.7) {
    const offset = randomInt(random, length);
    const from = text.charCodeAt(offset);
    return { kind: 'flip', offset, from, to: random() < 0.5 ? (from ^ (1 << randomInt(random, 8))) & 0xffff : randomInt(random, 256) };
  }
  if (roll < 0.8) return { kind: 'truncate', length: randomInt(random, length) };
  const offset = randomInt(random, length);
  const span = 1 + randomInt(random, Math.min(64, length - offset));
  return roll < 0.9 ? { kind: 'delete', offset, length: span } : { kind: 'duplicate', offset, length: span };
}

/** Applies one to four random mutations; returns the result and the steps taken. */
export function mutateDocument(text: string, random: Random): { text: string; mutations: Mutation[] } {
  const count = 1 + randomInt(random, 4);
  const mutations: Mutation[] = [];
  let current = text;
  for (let index = 0; index < count; index++) {
    const mutation = pickMutation(current, random);
    mutations.push(mutation);
    current = applyMutation(current, mutation);
  }
  return { text: current, mutations };
}
