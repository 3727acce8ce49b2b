import { isPlaceholderValue } from './placeholderValue';
import { shannonEntropy } from './shannonEntropy';

/** A credential recognised by its shape inside a longer text: offsets of the secret itself and what it is. */
export interface EmbeddedSecret {
  readonly start: number;
  readonly end: number;
  /** Where it sits, for messages: `sig=` in a URL, `AccountKey=`, a JSON web token. */
  readonly label: string;
  /** The word the secret was found under (`sig`, `AccountKey`, `jwt`), to name the named value after it. */
  readonly field: string;
}

interface SecretShape {
  readonly pattern: RegExp;
  /** The capture group holding the name of the field, or undefined for self-describing shapes. */
  readonly fieldGroup: number | undefined;
  readonly valueGroup: number;
  readonly label: (field: string) => string;
  readonly minLength: number;
  /** Random-looking values only: filters words, numbers and short ids. */
  readonly minEntropy: number;
}

/** Base64url header and payload, both JSON objects (`eyJ` = `{"`), then an optional signature. */
const JWT = /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)/g;
/** Storage, Service Bus and Event Hubs connection string keys. */
const CONNECTION_STRING_KEY = /\b(AccountKey|SharedAccessKey|SharedSecretValue)=([A-Za-z0-9+/=%]+)/gi;
/** `Password=` inside a `;`-separated connection string. */
const CONNECTION_STRING_PASSWORD = /;\s*(Password|Pwd)\s*=\s*([^;"'\s<&=][^;"'\s<&]*)/gi;
/** Query string or form fields that carry credentials (`&amp;` in raw XML ends in `;`). */
const QUERY_CREDENTIAL = /(?<=^|[?&;\s"'])(sig|code|key|api-key|apikey|api_key|subscription-key|access_token|client_secret|password)=([A-Za-z0-9%._~+/=-]+)/gi;
/** JSON properties that carry credentials, possibly inside an escaped C# string. */
const JSON_CREDENTIAL = /["'](client_secret|clientSecret|password|apiKey|api_key|api-key|secret)\\?["']\s*:\s*\\?["']([^"'\\\s]+)/g;

const SHAPES: readonly SecretShape[] = [
  { pattern: JWT, fieldGroup: undefined, valueGroup: 1, label: () => 'a JSON web token', minLength: 0, minEntropy: 0 },
  { pattern: CONNECTION_STRING_KEY, fieldGroup: 1, valueGroup: 2, label: (field) => `a connection string ${field}`, minLength: 20, minEntropy: 3 },
  { pattern: CONNECTION_STRING_PASSWORD, fieldGroup: 1, valueGroup: 2, label: (field) => `a connection string ${field}`, minLength: 6, minEntropy: 0 },
  { pattern: QUERY_CREDENTIAL, fieldGroup: 1, valueGroup: 2, label: (field) => `a '${field}=' credential`, minLength: 20, minEntropy: 3.5 },
  { pattern: JSON_CREDENTIAL, fieldGroup: 1, valueGroup: 2, label: (field) => `a "${field}" value`, minLength: 8, minEntropy: 0 },
];

const MIGHT_HOLD_SECRET = /[=:]|eyJ/;

/**
 * Every shape needs `=`, `:` or a token's `eyJ`: most values (and all whitespace between tags) have none, so
 * callers can skip them before doing any work. Safe on decoded text too: decoding never removes these characters.
 */
export function mightHoldSecret(text: string): boolean {
  return MIGHT_HOLD_SECRET.test(text);
}

/** Short passwords and client secrets still count; keys and signatures must look random to count. */
const LOW_ENTROPY_FIELDS = /^(password|pwd|client_secret|clientSecret|secret)$/i;

/** Credentials recognisable by shape anywhere in `raw` (values, bodies, URLs, expression string literals). */
export function findEmbeddedSecrets(raw: string): EmbeddedSecret[] {
  if (!mightHoldSecret(raw)) return [];
  const found: EmbeddedSecret[] = [];
  for (const shape of SHAPES) {
    for (const match of raw.matchAll(shape.pattern)) {
      const value = match[shape.valueGroup];
      const field = shape.fieldGroup === undefined ? 'jwt' : match[shape.fieldGroup];
      const lenient = LOW_ENTROPY_FIELDS.test(field);
      if (value.length < (lenient ? 6 : shape.minLength) || isPlaceholderValue(value)) continue;
      if (!lenient && shannonEntropy(value) < shape.minEntropy) continue;
      const start = (match.index ?? 0) + match[0].lastIndexOf(value);
      if (found.some((other) => start < other.end && start + value.length > other.start)) continue;
      found.push({ start, end: start + value.length, label: shape.label(field), field });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
