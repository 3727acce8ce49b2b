import { attribute, childElements, type XmlAttribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { insertChildEdit } from '../fixes/elementEdits';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';
import type { Fix } from '../../findings/finding';
import { parseLiteralUrl } from '../functions/literalUrl';
import { attributeSite, isLiteralSite, trimmedSite } from '../functions/valueSite';

/** Flags whose literal `false` switches off a check the gateway does by default. */
const WEAKENING_FLAGS: Readonly<Record<string, string>> = {
  'require-expiration-time': 'accepts tokens that never expire',
  'require-signed-tokens': 'accepts unsigned tokens, which anyone can forge',
};

function isLiteralFalse(node: XmlAttribute): boolean {
  return node.embedded.length === 0 && node.value?.trim().toLowerCase() === 'false';
}

/** A list element (`<audiences>`) with at least one entry, or a required claim checking the same token field. */
function checks(element: XmlElement, list: string, claim: string): boolean {
  const children = childElements(element);
  if (children.some((child) => child.name === list && childElements(child).length > 0)) return true;
  const requiredClaims = children.find((child) => child.name === 'required-claims');
  return requiredClaims !== undefined && childElements(requiredClaims).some((item) => attribute(item, 'name')?.value?.trim() === claim);
}

function reportWeakeningFlags(context: PolicyDocumentContext, element: XmlElement): void {
  for (const [name, effect] of Object.entries(WEAKENING_FLAGS)) {
    const node = attribute(element, name);
    if (!node?.valueSpan || !isLiteralFalse(node)) continue;
    context.report({
      span: node.valueSpan,
      message: `${name}="false" on <validate-jwt> ${effect}; remove the attribute so the default (true) applies.`,
      fixes: [{ title: `Remove ${name}="false"`, edits: [{ span: { start: precedingSpaceStart(context.text, node), end: node.span.end }, newText: '' }], isPreferred: false }],
    });
  }
}

function precedingSpaceStart(text: string, node: XmlAttribute): number {
  let start = node.span.start;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return start;
}

function reportMissingLists(context: PolicyDocumentContext, element: XmlElement): void {
  const hasOpenIdConfig = childElements(element).some((child) => child.name === 'openid-config');
  const missing: { list: string; entry: string; placeholder: string }[] = [];
  if (!checks(element, 'audiences', 'aud')) missing.push({ list: 'audiences', entry: 'audience', placeholder: 'jwt-audience' });
  // An OpenID configuration supplies the expected issuer; without one, only <issuers> checks it.
  if (!hasOpenIdConfig && !checks(element, 'issuers', 'iss')) missing.push({ list: 'issuers', entry: 'issuer', placeholder: 'jwt-issuer' });
  if (missing.length === 0) return;
  const what = missing.map((item) => `<${item.list}>`).join(' or ');
  const markup = missing.map((item) => `<${item.list}>\n  <${item.entry}>{{${item.placeholder}}}</${item.entry}>\n</${item.list}>`).join('\n');
  const children = childElements(element);
  const anchor = [...children].reverse().find((child) => ['openid-config', 'issuer-signing-keys', 'decryption-keys', 'audiences'].includes(child.name));
  const fix: Fix = {
    title: `Add ${what} (placeholder named values to create)`,
    edits: [insertChildEdit(context.document, element, markup, anchor)],
    isPreferred: false,
  };
  const accepted = missing.map((item) => (item.list === 'audiences' ? 'any audience' : 'any issuer')).join(' and ');
  context.report({
    span: element.nameSpan,
    message: `This <validate-jwt> has no ${what}, so it accepts tokens for ${accepted} that its keys validate; list the expected values.`,
    fixes: [fix],
  });
}

function reportPlainHttpConfig(context: PolicyDocumentContext, element: XmlElement): void {
  for (const config of childElements(element).filter((child) => child.name === 'openid-config')) {
    const site = attributeSite(context.text, attribute(config, 'url'));
    if (!site || !isLiteralSite(site)) continue;
    const { span, raw } = trimmedSite(site);
    const url = parseLiteralUrl(raw);
    if (url?.scheme !== 'http') continue;
    const schemeSpan = { start: span.start, end: span.start + 'http'.length };
    context.report({
      span,
      message: 'This openid-config URL uses plain http, so the signing keys it downloads can be swapped in transit; use https.',
      fixes: [{ title: 'Switch the URL to https', edits: [{ span: schemeSpan, newText: 'https' }], isPreferred: false }],
    });
  }
}

export const jwtValidationWeak: PolicyDocumentRule = {
  meta: {
    id: 'jwt-validation-weak',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A validate-jwt policy skips checks that keep foreign, expired or forged tokens out.',
    guidance:
      'A token is only trustworthy when its signature, expiry, audience and issuer are all checked. Leave require-expiration-time ' +
      'and require-signed-tokens at their default of true, list the audiences your API accepts, and list the issuers unless an ' +
      'OpenID configuration supplies them. Load OpenID metadata over https only. Stricter checks can reject tokens that clients ' +
      'send today, so roll them out with the identity provider configuration in view.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validate-jwt-policy',
  },
  check(context) {
    for (const element of elementsNamed(context.document, 'validate-jwt')) {
      reportMissingLists(context, element);
      reportWeakeningFlags(context, element);
      reportPlainHttpConfig(context, element);
    }
  },
};
