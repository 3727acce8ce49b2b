import { attribute, childElements, type XmlAttribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { insertChildEdit } from '../fixes/elementEdits';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';
import type { Fix } from '../../findings/finding';
import type { Span } from '../../text/span';
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
      fixes: [
        {
          title: `Remove ${name}="false"`,
          edits: [{ span: { start: precedingSpaceStart(context.text, node), end: node.span.end }, newText: '' }],
          isPreferred: false,
        },
      ],
    });
  }
}

function precedingSpaceStart(text: string, node: XmlAttribute): number {
  let start = node.span.start;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return start;
}

/** Microsoft Entra ID's multi-tenant endpoints: their metadata names no tenant, so it pins no issuer. */
const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations']);

/** The literal `/common/` or `/organizations/` in an openid-config URL, with its span; undefined otherwise. */
function multiTenantConfig(context: PolicyDocumentContext, element: XmlElement): { span: Span; tenant: string } | undefined {
  for (const config of childElements(element).filter((child) => child.name === 'openid-config')) {
    const site = attributeSite(context.text, attribute(config, 'url'));
    if (!site || !isLiteralSite(site)) continue;
    const { span, raw } = trimmedSite(site);
    const tenant = /^https?:\/\/[^/?#]+\/([^/?#]+)/i.exec(raw)?.[1]?.toLowerCase();
    if (tenant !== undefined && MULTI_TENANT_SEGMENTS.has(tenant)) return { span, tenant };
  }
  return undefined;
}

/** A tenant check: an issuer list, or a required `iss` or `tid` claim. */
function checksTenant(element: XmlElement): boolean {
  return checks(element, 'issuers', 'iss') || checks(element, 'issuers', 'tid');
}

const ISSUERS = { list: 'issuers', entry: 'issuer', placeholder: 'jwt-issuer' };

function reportAnyTenant(context: PolicyDocumentContext, element: XmlElement): void {
  const config = multiTenantConfig(context, element);
  if (config === undefined || checksTenant(element)) return;
  const anchor = [...childElements(element)]
    .reverse()
    .find((child) => ['openid-config', 'issuer-signing-keys', 'decryption-keys', 'audiences'].includes(child.name));
  context.report({
    span: config.span,
    message: `This <validate-jwt> loads multi-tenant metadata (/${config.tenant}/), which pins no issuer, and checks no issuer or tid claim, so it accepts tokens that any Microsoft Entra tenant issues for the audience; list the issuers of the tenants you serve.`,
    fixes: [
      {
        title: 'Add <issuers> (placeholder named value to create)',
        edits: [insertChildEdit(context.document, element, '<issuers>\n  <issuer>{{jwt-issuer}}</issuer>\n</issuers>', anchor)],
        isPreferred: false,
      },
    ],
  });
}

/** validate-azure-ad-token with `tenant-id="common"` or `"organizations"` and no required `tid` or `iss` claim. */
function reportAnyTenantAzureAd(context: PolicyDocumentContext, element: XmlElement): void {
  const tenant = attribute(element, 'tenant-id');
  const site = attributeSite(context.text, tenant);
  if (!site || !isLiteralSite(site)) return;
  const { span, raw } = trimmedSite(site);
  if (!MULTI_TENANT_SEGMENTS.has(raw.toLowerCase())) return;
  const requiredClaims = childElements(element).find((child) => child.name === 'required-claims');
  const claims = requiredClaims === undefined ? [] : childElements(requiredClaims).map((claim) => attribute(claim, 'name')?.value?.trim());
  if (claims.includes('tid') || claims.includes('iss')) return;
  context.report({
    span,
    message: `This <validate-azure-ad-token> names the multi-tenant '${raw}' endpoint and requires no tid claim, so it accepts tokens that any Microsoft Entra tenant issues for the client applications; name your tenant or require the tid claim with the tenants you serve.`,
  });
}

function reportMissingLists(context: PolicyDocumentContext, element: XmlElement): void {
  const hasOpenIdConfig = childElements(element).some((child) => child.name === 'openid-config');
  const missing: { list: string; entry: string; placeholder: string }[] = [];
  if (!checks(element, 'audiences', 'aud')) missing.push({ list: 'audiences', entry: 'audience', placeholder: 'jwt-audience' });
  // An OpenID configuration for one tenant supplies the expected issuer (multi-tenant metadata is reported on its own);
  // without one, only <issuers> checks it.
  if (!hasOpenIdConfig && !checks(element, 'issuers', 'iss')) missing.push(ISSUERS);
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
    title: 'A validate-jwt or validate-azure-ad-token policy skips checks that keep foreign, expired or forged tokens out.',
    guidance:
      'A token is only trustworthy when its signature, expiry, audience and issuer are all checked. Leave require-expiration-time ' +
      'and require-signed-tokens at their default of true, list the audiences your API accepts, and list the issuers unless an ' +
      'OpenID configuration for one tenant supplies them (multi-tenant `/common/` or `/organizations/` metadata does not). Load OpenID metadata over https only. Stricter checks can reject tokens that clients ' +
      'send today, so roll them out with the identity provider configuration in view.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validate-jwt-policy',
  },
  check(context) {
    for (const element of elementsNamed(context.document, 'validate-jwt')) {
      reportMissingLists(context, element);
      reportWeakeningFlags(context, element);
      reportPlainHttpConfig(context, element);
      reportAnyTenant(context, element);
    }
    for (const element of elementsNamed(context.document, 'validate-azure-ad-token')) reportAnyTenantAzureAd(context, element);
  },
};
