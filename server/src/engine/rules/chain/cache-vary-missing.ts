import type { TextEdit } from '../../findings/finding';
import { attribute, childElements, type XmlAttribute, type XmlElement } from '../../policy/syntaxTree';
import { isExpressionValue, textContent, usesNamedValue } from '../../policy/treeQueries';
import type { Span } from '../../text/span';
import { findPolicies, type EffectiveStatement } from '../../workspace/effectiveStatement';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { TOKEN_VALIDATORS, tokenSourceOf, type TokenSource } from '../functions/tokenSource';
import { insertChildEdit } from '../fixes/elementEdits';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';

export const cacheVaryMissing: PolicyChainRule = {
  meta: {
    id: 'cache-vary-missing',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A response cache on an authenticated API does not keep callers apart.',
    guidance:
      'A cache-lookup keys cached responses on the URL (and whatever it is told to vary by), not on who asks, so on an ' +
      'API that authenticates its callers one caller can receive a response cached for another. Vary the cache by what ' +
      'identifies the caller: `<vary-by-header>` for the header that carries the token, or `vary-by-developer="true"` ' +
      'for subscription keys. Varying by caller lowers the hit rate, so cache shared data only where responses really ' +
      'are the same for everyone.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/cache-lookup-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    const reported = new Set<string>();
    for (const policy of context.policies) {
      const tokens = findPolicies(policy.sections.inbound.statements, TOKEN_VALIDATORS)
        .map((validator) => tokenSourceOf(validator.element))
        .filter((source): source is TokenSource => source !== undefined);
      const subscription = context.api?.information?.subscriptionRequired === true;
      if (tokens.length === 0 && !subscription) continue;
      for (const lookup of findPolicies(policy.sections.inbound.statements, ['cache-lookup'])) {
        const key = `${lookup.documentPath}\u0000${lookup.element.span.start}`;
        if (reported.has(key)) continue;
        const problem =
          tokenProblem(lookup.element, tokens) ?? (subscription && !neverCached(lookup.element, tokens) ? subscriptionProblem(lookup.element) : undefined);
        if (problem === undefined) continue;
        reported.add(key);
        reportProblem(context, lookup, problem);
      }
    }
  },
};

/** What the cache-lookup fails to vary by, and how to say and fix it. */
interface CacheProblem {
  /** Completes "The cache-lookup in <place> ...". */
  readonly message: string;
  readonly fixTitle: string;
  edits(context: PolicyChainContext, lookup: XmlElement): TextEdit[];
  /** Only the subscription case depends on whether responses differ per caller, which we cannot see. */
  readonly uncertain: boolean;
}

/** A token the cache can see but does not vary by. A token in `Authorization` is only cached when private caching is on. */
function tokenProblem(lookup: XmlElement, tokens: readonly TokenSource[]): CacheProblem | undefined {
  const headers = varyValues(lookup, 'vary-by-header');
  const queries = varyValues(lookup, 'vary-by-query-parameter');
  if (headers === undefined || queries === undefined) return undefined;
  const privateCaching = literalFlag(attribute(lookup, 'allow-private-response-caching'));
  for (const token of tokens) {
    const vary = token.kind === 'header' ? 'vary-by-header' : 'vary-by-query-parameter';
    const varied = (token.kind === 'header' ? headers : queries).has(token.name.toLowerCase());
    if (varied) continue;
    const isAuthorization = token.kind === 'header' && token.name.toLowerCase() === 'authorization';
    if (isAuthorization && privateCaching !== true) continue;
    const carrier = token.kind === 'header' ? `header ${token.name}` : `query parameter ${token.name}`;
    const what = isAuthorization
      ? ' caches token-bearing requests (allow-private-response-caching="true") but does not vary by Authorization'
      : ` caches requests whose token comes in ${carrier} but does not vary by it`;
    return {
      message: `${what}, so one user's cached response can be served to another: add <${vary}>${token.name}</${vary}>.`,
      fixTitle: `Vary the cache by ${carrier}`,
      edits: (context, element) => [insertChildEdit(context.document, element, `<${vary}>${token.name}</${vary}>`)],
      uncertain: false,
    };
  }
  return undefined;
}

/** Requests must carry a token in `Authorization`, and such requests are only cached with private caching on. */
function neverCached(lookup: XmlElement, tokens: readonly TokenSource[]): boolean {
  const privateCaching = literalFlag(attribute(lookup, 'allow-private-response-caching'));
  return privateCaching === false && tokens.some((token) => token.kind === 'header' && token.name.toLowerCase() === 'authorization');
}

/** Subscribers share cached responses unless the cache varies by developer (or by the key itself). */
function subscriptionProblem(lookup: XmlElement): CacheProblem | undefined {
  const byDeveloper = attribute(lookup, 'vary-by-developer');
  const flag = literalFlag(byDeveloper);
  if (flag === true || flag === undefined) return undefined;
  const headers = varyValues(lookup, 'vary-by-header');
  const queries = varyValues(lookup, 'vary-by-query-parameter');
  if (headers === undefined || queries === undefined || headers.has('ocp-apim-subscription-key') || queries.has('subscription-key')) return undefined;
  return {
    message: ' shares cached responses between all subscribers of the API: if responses depend on the caller, set vary-by-developer="true".',
    fixTitle: 'Set vary-by-developer="true"',
    edits: (_context, element) => [byDeveloperEdit(element, byDeveloper)],
    uncertain: true,
  };
}

function reportProblem(context: PolicyChainContext, lookup: EffectiveStatement, problem: CacheProblem): void {
  const place = lookup.includedVia.length > 0 ? `fragment ${lookup.includedVia[lookup.includedVia.length - 1].fragmentId}` : lookup.level.label;
  const own = lookup.documentPath === context.path && lookup.includedVia.length === 0;
  context.report({
    span: own ? lookup.element.nameSpan : anchorFor(context, lookup),
    message: `The cache-lookup in ${place}${problem.message}`,
    uncertain: problem.uncertain,
    fixes: own ? [{ title: problem.fixTitle, edits: problem.edits(context, lookup.element), isPreferred: false }] : [],
  });
}

/** The include-fragment in this document that brings the lookup in, else the inbound section. */
function anchorFor(context: PolicyChainContext, lookup: EffectiveStatement): Span {
  const inclusion = lookup.includedVia.find((candidate) => candidate.documentPath === context.path);
  return inclusion?.element.nameSpan ?? missingPolicyAnchor(context.document, 'inbound');
}

/**
 * The lower-cased values of the cache-lookup's `vary-by-header` or `vary-by-query-parameter` children (query
 * parameters may be `;`-separated); undefined when one is computed or a named value, so nothing is assumed.
 */
function varyValues(lookup: XmlElement, name: string): Set<string> | undefined {
  const values = new Set<string>();
  for (const child of childElements(lookup)) {
    if (child.name !== name) continue;
    const text = textContent(child);
    if (/@[({]|\{\{/.test(text)) return undefined;
    for (const part of text.split(';')) if (part.trim() !== '') values.add(part.trim().toLowerCase());
  }
  return values;
}

/** `true`/`false` when written literally; undefined when computed or a named value; false when absent. */
function literalFlag(value: XmlAttribute | undefined): boolean | undefined {
  if (value === undefined) return false;
  if (isExpressionValue(value) || usesNamedValue(value)) return undefined;
  return (value.value ?? '').trim().toLowerCase() === 'true';
}

function byDeveloperEdit(lookup: XmlElement, byDeveloper: XmlAttribute | undefined): TextEdit {
  if (byDeveloper?.valueSpan) return { span: byDeveloper.valueSpan, newText: 'true' };
  return { span: { start: lookup.nameSpan.end, end: lookup.nameSpan.end }, newText: ' vary-by-developer="true"' };
}
