import type { Fix } from '../../findings/finding';
import { attribute, type XmlAttribute } from '../../policy/syntaxTree';
import { indentationOf, isExpressionValue, usesNamedValue } from '../../policy/treeQueries';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { indentUnit } from '../fixes/elementEdits';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';
import { appendAll } from '../../collections/appendAll';

/** A backend call that may wait this long is a long-held call: rate limits count starts, not calls in flight. */
const LONG_CALL_SECONDS = 120;

const LIMIT_START = '<limit-concurrency key="@(context.Api.Id)" max-count="50">';

export const concurrencyLimitMissing: PolicyChainRule = {
  meta: {
    id: 'concurrency-limit-missing',
    pillars: ['reliability'],
    defaultSeverity: 'info',
    title: 'A long-held backend call has no cap on how many run at once.',
    guidance:
      'Rate limits and quotas count requests per period, not requests in flight: when each backend call streams its ' +
      'response or may take minutes, a modest request rate still piles up hundreds of open calls that exhaust the backend ' +
      'and the gateway. Wrap such a `forward-request` in `limit-concurrency` with a `max-count` the backend can serve at ' +
      'once; callers above it get 429 right away instead of waiting. Size the limit from load tests, since too low a ' +
      'value turns away traffic the backend could handle.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/limit-concurrency-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    const reported = new Set<string>();
    for (const policy of context.policies) {
      for (const call of unlimitedForwards(policy.sections.backend.statements, false)) {
        const why = longHeldReason(call);
        const key = `${call.documentPath}\u0000${call.element.span.start}`;
        if (why === undefined || reported.has(key)) continue;
        reported.add(key);
        const own = call.documentPath === context.path && call.includedVia.length === 0;
        const place = call.includedVia.length > 0 ? `fragment ${call.includedVia[call.includedVia.length - 1].fragmentId}` : call.level.label;
        context.report({
          span: own ? call.element.nameSpan : missingPolicyAnchor(context.document, 'backend'),
          message: `The forward-request in ${place} ${why}, but nothing caps how many such calls run at once: wrap it in limit-concurrency.`,
          fixes: own ? [wrapFix(context, call)] : [],
        });
      }
    }
  },
};

/** forward-request statements not enclosed in a limit-concurrency body. Recursion follows the depth-limited tree. */
function unlimitedForwards(statements: readonly EffectiveStatement[], limited: boolean): EffectiveStatement[] {
  const found: EffectiveStatement[] = [];
  for (const statement of statements) {
    if (statement.name === 'forward-request' && !limited) found.push(statement);
    appendAll(found, unlimitedForwards(statement.children, limited || statement.name === 'limit-concurrency'));
  }
  return found;
}

/** Why the call holds a connection for long, in words; undefined for an ordinary call. */
function longHeldReason(call: EffectiveStatement): string | undefined {
  if (literalOf(attribute(call.element, 'buffer-response'))?.toLowerCase() === 'false') return 'streams the response (buffer-response="false")';
  const seconds = Number(literalOf(attribute(call.element, 'timeout')));
  const milliseconds = Number(literalOf(attribute(call.element, 'timeout-ms')));
  const waits = Number.isFinite(seconds) && seconds > 0 ? seconds : Number.isFinite(milliseconds) && milliseconds > 0 ? milliseconds / 1000 : 0;
  return waits >= LONG_CALL_SECONDS ? `may wait ${waits} seconds for the backend` : undefined;
}

function literalOf(value: XmlAttribute | undefined): string | undefined {
  if (value === undefined || isExpressionValue(value) || usesNamedValue(value)) return undefined;
  const text = value.value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** Replaces the forward-request by itself wrapped in limit-concurrency, one indentation step deeper. */
function wrapFix(context: PolicyChainContext, call: EffectiveStatement): Fix {
  const text = context.text;
  const indent = indentationOf(text, call.element);
  const unit = indentUnit(context.document);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const original = text.slice(call.element.span.start, call.element.span.end).split(/\r?\n/).join(`${newline}${unit}`);
  return {
    title: 'Wrap forward-request in limit-concurrency',
    edits: [{ span: call.element.span, newText: `${LIMIT_START}${newline}${indent}${unit}${original}${newline}${indent}</limit-concurrency>` }],
    isPreferred: false,
  };
}
