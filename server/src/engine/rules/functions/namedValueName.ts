/** APIM allows letters, digits, dot, dash and underscore in named value names, up to 256 characters. */
const MAX_LENGTH = 256;

/** A named value name built from context words: `Ocp-Apim-Subscription-Key` -> `ocp-apim-subscription-key`. */
export function namedValueName(...parts: string[]): string {
  const name = parts
    .join('-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return name.length > 0 ? name : 'secret';
}

/** Names of one or two words (`code`, `sig`) say too little on their own in the named value list. */
const MIN_DESCRIPTIVE_LENGTH = 5;

/** A named value name for a secret found under `field`: `x-functions-key`, or `code-secret` for a short field. */
export function secretNamedValueName(field: string): string {
  const name = namedValueName(field);
  return name.length < MIN_DESCRIPTIVE_LENGTH ? `${name}-secret` : name;
}

/** The reference text that replaces a literal. */
export function namedValueReference(name: string): string {
  return `{{${name}}}`;
}
