import type { Fix, TextEdit } from '../../findings/finding';
import { indentationOf } from '../../policy/treeQueries';
import { attribute, type XmlElement } from '../../policy/syntaxTree';
import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { chainNames } from '../functions/chainNames';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { pathCoverage } from '../functions/onEveryPath';
import { policiesOutside } from '../functions/policiesOutside';
import { statementOrigin } from '../functions/statementOrigin';
import { indentUnit } from '../fixes/elementEdits';
import type { PolicyChainContext, PolicyChainRule } from '../policyChainRule';
import { appendAll } from '../../collections/appendAll';

/** Retries only answers that mean "not processed", so it is safe for every method (see retry-non-idempotent). */
const RETRY_START_TAG =
  '<retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode == 503)" count="3" interval="1" delta="1" first-fast-retry="false">';

/** Policies that answer in the gateway; a chain that always does never forwards. */
const GATEWAY_ANSWERS = ['return-response', 'mock-response'];

/** API types whose calls are not single request/response exchanges a retry could repeat. */
const NOT_RETRYABLE_TYPES = ['websocket', 'grpc'];

/** The forward-request statements of a chain that run outside any retry; none when the chain never forwards. */
function unguardedForwards(policy: EffectivePolicy): EffectiveStatement[] {
  if (pathCoverage(policy.sections.inbound.statements, GATEWAY_ANSWERS) === 'every-path') return [];
  return policiesOutside(policy.sections.backend.statements, ['forward-request'], ['retry']);
}

/**
 * Wraps a forward-request of this document in a retry, and buffers the request body so that a retried
 * attempt sends it again.
 */
function wrapInRetryEdit(context: PolicyChainContext, element: XmlElement): TextEdit {
  const text = context.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = indentationOf(text, element);
  const unit = indentUnit(context.document);
  let original = text.slice(element.span.start, element.span.end);
  if (attribute(element, 'buffer-request-body') === undefined) {
    const at = element.nameSpan.end - element.span.start;
    original = `${original.slice(0, at)} buffer-request-body="true"${original.slice(at)}`;
  }
  const body = original.split(/\r?\n/).join(`${newline}${unit}`);
  return { span: element.span, newText: `${RETRY_START_TAG}${newline}${indent}${unit}${body}${newline}${indent}</retry>` };
}

export const retryMissing: PolicyChainRule = {
  meta: {
    id: 'retry-missing',
    pillars: ['reliability'],
    defaultSeverity: 'info',
    title: 'The backend call runs without a retry on some path to this API or operation.',
    guidance:
      'A backend that is briefly overloaded or restarting answers 429 or 503, and without a retry the gateway ' +
      'passes that failure straight to the caller. Wrap forward-request in a retry with a small count and a ' +
      'condition limited to answers that mean the request was not processed (429, 503), and buffer the request ' +
      'body so a second attempt can send it again. Retries add load on a struggling backend, so pair them with a ' +
      'backend circuit breaker, and retry other failures only for methods that are safe to repeat.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/retry-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    if (NOT_RETRYABLE_TYPES.includes(context.api?.information?.type.toLowerCase() ?? '')) return;
    const missing: EffectivePolicy[] = [];
    const forwards: EffectiveStatement[] = [];
    for (const policy of context.policies) {
      const unguarded = unguardedForwards(policy);
      if (unguarded.length === 0) continue;
      missing.push(policy);
      appendAll(forwards, unguarded);
    }
    if (missing.length === 0) return;
    const origins = [...new Set(forwards.map(statementOrigin))];
    const own = [...new Set(forwards.filter((statement) => statement.document === context.document).map((statement) => statement.element))];
    // A forward-request inherited through <base /> is fixed where it is written, not copied here.
    const fixes: Fix[] =
      own.length > 0
        ? [{ title: 'Wrap forward-request in a retry on 429 and 503', edits: own.map((element) => wrapInRetryEdit(context, element)), isPreferred: false }]
        : [];
    const standalone = missing.length === 1 && missing[0].chain.reason === 'standalone';
    // A retry can wrap forward-request in a parent scope's backend section, or the caller may retry itself.
    const uncertain = context.scope === undefined || standalone;
    context.report({
      span: own.length > 0 ? own[0].nameSpan : missingPolicyAnchor(context.document, 'backend'),
      message:
        `The forward-request from ${origins.join(' and ')} has no retry around it${standalone ? '' : ` (${chainNames(missing)})`}${uncertain ? ' as far as APIM Studio can see (it cannot see the parent scopes)' : ''}: ` +
        'wrap it in retry for transient failures such as 429 or 503, with buffer-request-body="true" so the body can be sent again; retry other failures only for idempotent methods.',
      uncertain,
      guess: uncertain,
      fixes,
    });
  },
};
