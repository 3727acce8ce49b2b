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

/** The reference text that replaces a literal. */
export function namedValueReference(name: string): string {
  return `{{${name}}}`;
}
