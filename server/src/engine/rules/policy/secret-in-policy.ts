import type { Fix } from '../../findings/finding';
import { scanNamedValues } from '../../policy/namedValueScanner';
import { attribute, childElements, type XmlDocument, type XmlElement } from '../../policy/syntaxTree';
import { allElements } from '../../policy/treeQueries';
import type { Span } from '../../text/span';
import { findEmbeddedSecrets, mightHoldSecret } from '../functions/embeddedSecrets';
import { namedValueName, namedValueReference, secretNamedValueName } from '../functions/namedValueName';
import { isPlaceholderValue } from '../functions/placeholderValue';
import { isSecretLikeName } from '../functions/secretLikeName';
import { shannonEntropy } from '../functions/shannonEntropy';
import { attributeSite, isLiteralSite, rawWithoutNamedValues, textSite, trimmedSite, type ValueSite } from '../functions/valueSite';
import type { PolicyDocumentRule } from '../policyRule';

/** A literal secret found in the document: where, what it is, and the named value that should hold it. */
interface FoundSecret {
  readonly span: Span;
  /** What the literal is, as a sentence subject: `The password on <authentication-basic>`. */
  readonly what: string;
  /** Undefined when a named value cannot hold it (a certificate body). */
  readonly namedValue: string | undefined;
}

/** Keys and tokens under a credential-like name must look random: long enough and not a word. */
const MIN_KEY_LENGTH = 16;
const MIN_KEY_ENTROPY = 3;
/** Credentials after an Authorization scheme (`Basic dXNlcjpwYXNz`) can be short. */
const MIN_CREDENTIAL_LENGTH = 8;

function literalValue(site: ValueSite | undefined): { span: Span; raw: string } | undefined {
  if (!site || !isLiteralSite(site)) return undefined;
  const trimmed = trimmedSite(site);
  return trimmed.raw.length > 0 ? trimmed : undefined;
}

function looksLikeKey(raw: string): boolean {
  return raw.length >= MIN_KEY_LENGTH && !/\s/.test(raw) && !isPlaceholderValue(raw) && shannonEntropy(raw) >= MIN_KEY_ENTROPY;
}

function literalName(element: XmlElement): string | undefined {
  const name = attribute(element, 'name');
  return name && name.embedded.length === 0 ? name.value?.trim() : undefined;
}

/** `password="..."` and `*secret*="..."` attributes, and a certificate written into authentication-certificate. */
function secretAttributes(text: string, element: XmlElement): FoundSecret[] {
  const found: FoundSecret[] = [];
  for (const node of element.attributes) {
    const lower = node.name.toLowerCase();
    if (lower !== 'password' && !lower.includes('secret')) continue;
    const literal = literalValue(attributeSite(text, node));
    if (!literal || isPlaceholderValue(literal.raw)) continue;
    const context =
      element.name === 'authentication-basic' ? 'backend-basic' : element.name === 'authentication-certificate' ? 'backend-certificate' : element.name;
    found.push({ span: literal.span, what: `The ${node.name} on <${element.name}>`, namedValue: namedValueName(context, node.name) });
  }
  if (element.name === 'authentication-certificate') {
    const body = literalValue(attributeSite(text, attribute(element, 'body')));
    if (body && body.raw.length >= MIN_KEY_LENGTH)
      found.push({ span: body.span, what: 'The certificate body on <authentication-certificate>', namedValue: undefined });
  }
  return found;
}

/** Literal `Authorization` credentials and key-named headers, query parameters and variables. */
function secretNamedValues(text: string, element: XmlElement): FoundSecret[] {
  const name = literalName(element);
  if (!name) return [];
  if (element.name === 'set-variable') {
    const literal = literalValue(attributeSite(text, attribute(element, 'value')));
    return literal && isSecretLikeName(name) && looksLikeKey(literal.raw)
      ? [{ span: literal.span, what: `The value of variable '${name}'`, namedValue: secretNamedValueName(name) }]
      : [];
  }
  if (element.name !== 'set-header' && element.name !== 'set-query-parameter') return [];
  const kind = element.name === 'set-header' ? 'header' : 'query parameter';
  const found: FoundSecret[] = [];
  for (const value of childElements(element).filter((child) => child.name === 'value')) {
    const literal = literalValue(textSite(text, value));
    if (!literal) continue;
    if (kind === 'header' && /^(proxy-)?authorization$/i.test(name)) {
      const match = /^(\S+)\s+(\S[\s\S]*)$/.exec(literal.raw);
      const scheme = match ? match[1] : undefined;
      const credential = match ? match[2] : literal.raw;
      if (credential.length < MIN_CREDENTIAL_LENGTH || isPlaceholderValue(credential)) continue;
      const start = literal.span.start + literal.raw.length - credential.length;
      const namedValue =
        scheme?.toLowerCase() === 'basic'
          ? 'backend-basic-credentials'
          : scheme?.toLowerCase() === 'bearer'
            ? 'backend-bearer-token'
            : namedValueName('backend', scheme ?? '', 'credential');
      found.push({ span: { start, end: start + credential.length }, what: `The ${name} header value`, namedValue });
    } else if (isSecretLikeName(name) && looksLikeKey(literal.raw)) {
      found.push({ span: literal.span, what: `The ${name} ${kind} value`, namedValue: secretNamedValueName(name) });
    }
  }
  return found;
}

/** A symmetric signing or decryption key written into validate-jwt lets anyone who reads the policy mint tokens. */
function secretJwtKeys(text: string, element: XmlElement): FoundSecret[] {
  const list = element.parent?.name;
  if (element.name !== 'key' || (list !== 'issuer-signing-keys' && list !== 'decryption-keys')) return [];
  const literal = literalValue(textSite(text, element));
  if (!literal || literal.raw.length < MIN_KEY_LENGTH || isPlaceholderValue(literal.raw)) return [];
  const signing = list === 'issuer-signing-keys';
  return [
    { span: literal.span, what: `The ${signing ? 'signing' : 'decryption'} key in <${list}>`, namedValue: signing ? 'jwt-signing-key' : 'jwt-decryption-key' },
  ];
}

/** Every value and text run that might hold a secret, including expression code (secrets hide in its string literals). */
function allSites(document: XmlDocument): ValueSite[] {
  const text = document.text;
  const sites: ValueSite[] = [];
  for (const element of allElements(document)) {
    for (const node of element.attributes) {
      const site = node.value !== undefined && mightHoldSecret(node.value) ? attributeSite(text, node) : undefined;
      if (site) sites.push(site);
    }
    for (const child of element.children) {
      if ((child.kind === 'text' || child.kind === 'cdata') && !mightHoldSecret(child.value)) continue;
      if (child.kind === 'text') sites.push({ span: child.span, raw: text.slice(child.span.start, child.span.end), embedded: child.embedded });
      else if (child.kind === 'cdata') {
        const { start, end } = child.contentSpan;
        sites.push({ span: child.contentSpan, raw: text.slice(start, end), embedded: scanNamedValues(text, start, end) });
      }
    }
  }
  return sites;
}

function shapedSecrets(document: XmlDocument): FoundSecret[] {
  const found: FoundSecret[] = [];
  for (const site of allSites(document)) {
    for (const secret of findEmbeddedSecrets(rawWithoutNamedValues(site))) {
      found.push({
        span: { start: site.span.start + secret.start, end: site.span.start + secret.end },
        what: secret.label.charAt(0).toUpperCase() + secret.label.slice(1),
        namedValue: secret.field === 'jwt' ? 'bearer-token' : secretNamedValueName(secret.field),
      });
    }
  }
  return found;
}

function fixesFor(secret: FoundSecret): Fix[] {
  if (!secret.namedValue) return [];
  const reference = namedValueReference(secret.namedValue);
  return [
    { title: `Replace the literal with ${reference} (create the named value first)`, edits: [{ span: secret.span, newText: reference }], isPreferred: false },
  ];
}

function messageFor(secret: FoundSecret): string {
  const action = secret.namedValue
    ? `move it to a secret named value (ideally backed by Key Vault) such as '${secret.namedValue}' and reference it as ${namedValueReference(secret.namedValue)}`
    : 'upload the certificate to API Management (ideally from Key Vault) and reference it with certificate-id';
  return `${secret.what} is written into the policy as plain text; ${action}.`;
}

export const secretInPolicy: PolicyDocumentRule = {
  meta: {
    id: 'secret-in-policy',
    pillars: ['security'],
    defaultSeverity: 'error',
    title: 'A password, key or token is written into the policy as a literal.',
    guidance:
      'Policy files are read by everyone with access to the API Management instance or the repository that deploys it, and ' +
      'they end up in logs, backups and pull requests. Keep credentials in secret named values, ideally backed by Azure Key ' +
      'Vault so they can be rotated without touching the policy, and reference them as {{name}}. Better still, let the gateway ' +
      'authenticate with its managed identity so there is no secret to store. Rotate any credential that was ever committed.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-properties',
  },
  check(context) {
    const structured = allElements(context.document).flatMap((element) => [
      ...secretAttributes(context.text, element),
      ...secretNamedValues(context.text, element),
      ...secretJwtKeys(context.text, element),
    ]);
    const reported: FoundSecret[] = [];
    for (const secret of [...structured, ...shapedSecrets(context.document)]) {
      if (reported.some((other) => secret.span.start < other.span.end && secret.span.end > other.span.start)) continue;
      reported.push(secret);
    }
    reported.sort((a, b) => a.span.start - b.span.start);
    for (const secret of reported) context.report({ span: secret.span, message: messageFor(secret), fixes: fixesFor(secret) });
  },
};
