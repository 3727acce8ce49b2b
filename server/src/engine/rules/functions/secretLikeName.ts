/** Words that name a credential. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'key', 'sig', 'signature', 'sas', 'credential', 'credentials', 'code']);

/** Words that turn a credential-looking name into something else (`cache-key`, `token-url`, `key-id`). */
const NOT_SECRET_WORDS = new Set([
  'cache',
  'counter',
  'partition',
  'idempotency',
  'correlation',
  'sort',
  'row',
  'public',
  'id',
  'name',
  'names',
  'url',
  'uri',
  'endpoint',
  'header',
  'type',
  'length',
  'expiry',
  'expires',
  'expiration',
  'vault',
  'path',
  'prefix',
  'version',
  'count',
  'limit',
  'quota',
  'variable',
  'param',
  'parameter',
  'claim',
  'scheme',
  'status',
  'response',
  'lookup',
  'hash',
  'thumbprint',
  'usage',
  'tokens',
  'total',
  'remaining',
  'consumed',
  'prompt',
  'completion',
  'max',
  'estimate',
  'region',
  'country',
  'zip',
  'error',
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * True when a header, query parameter, variable or attribute name says it carries a credential:
 * `Ocp-Apim-Subscription-Key`, `x-functions-key`, `api_key`, `clientSecret`, `sig`, but not `cache-key` or `token-url`.
 */
export function isSecretLikeName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || parts.some((word) => NOT_SECRET_WORDS.has(word))) return false;
  return parts.some((word) => SECRET_WORDS.has(word));
}
