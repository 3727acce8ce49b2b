import { attribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { constantAttributeValue } from '../functions/constantValue';
import { descendantElements } from '../functions/descendantElements';
import { expressionCode } from '../functions/policyExpressions';
import { retryWaitSeconds } from '../functions/retryWaitSeconds';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

const CALLS = ['forward-request', 'send-request', 'send-one-way-request'];

/** More attempts than this multiply load on a failing backend without much chance of success. */
const MAX_SENSIBLE_RETRY_COUNT = 10;
/** Waiting longer than this in total outlasts most callers' own timeouts. */
const MAX_SENSIBLE_RETRY_WAIT_SECONDS = 60;

export const retryUnbounded: PolicyDocumentRule = {
  meta: {
    id: 'retry-unbounded',
    pillars: ['reliability', 'performance-efficiency'],
    defaultSeverity: 'warning',
    title: 'A retry loop can run too many times, wait too long, or never stop on success.',
    guidance:
      'Retries help with brief glitches, but many attempts or long waits pile extra load on a backend that is ' +
      'already struggling and keep the caller (and a gateway connection) waiting long after it has given up. Keep ' +
      `the count small (three to five is typical), the total wait under about ${MAX_SENSIBLE_RETRY_WAIT_SECONDS} seconds, and make the ` +
      'condition true only for failures worth retrying, such as 429 or 503. For longer outages, let a backend circuit ' +
      'breaker fail fast instead.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/retry-policy',
  },
  check(context) {
    for (const retry of elementsNamed(context.document, 'retry')) {
      checkCondition(context, retry);
      if (!callsOut(retry) || isLoopControlled(context, retry)) continue;
      const count = numberAttribute(context, retry, 'count');
      const countAttribute = attribute(retry, 'count');
      if (count !== undefined && count > MAX_SENSIBLE_RETRY_COUNT && countAttribute?.valueSpan) {
        context.report({
          span: countAttribute.valueSpan,
          message: `This retry runs up to ${count} more times, multiplying load on a failing backend; keep count at ${MAX_SENSIBLE_RETRY_COUNT} or less (three to five is typical).`,
        });
      }
      checkTotalWait(context, retry, count);
    }
  },
};

/** Calls that put load on a backend; a retry around other policies is just a loop. */
function callsOut(retry: XmlElement): boolean {
  return descendantElements(retry).some((element) => CALLS.includes(element.name));
}

/**
 * True when the condition reads a variable that a `set-variable` inside the retry changes: the loop walks a list
 * (for example of backends) and stops on its own, so `count` is only a safety cap.
 */
function isLoopControlled(context: PolicyDocumentContext, retry: XmlElement): boolean {
  const condition = attribute(retry, 'condition');
  const code = condition?.embedded.map((item) => (item.kind === 'expression' ? expressionCode(context.text, item) : '')).join(' ') ?? '';
  return descendantElements(retry)
    .filter((element) => element.name === 'set-variable')
    .some((setVariable) => {
      const name = attribute(setVariable, 'name')?.value;
      return name !== undefined && name !== '' && code.includes(`"${name}"`);
    });
}

function numberAttribute(context: PolicyDocumentContext, element: XmlElement, name: string): number | undefined {
  const value = constantAttributeValue(context.text, attribute(element, name));
  return value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

function checkCondition(context: PolicyDocumentContext, retry: XmlElement): void {
  const condition = attribute(retry, 'condition');
  if (constantAttributeValue(context.text, condition)?.trim().toLowerCase() !== 'true' || !condition?.valueSpan) return;
  context.report({
    span: condition.valueSpan,
    message:
      'This retry condition is always true, so the policies inside run again every time, even after a success; retry only on failures such as @(context.Response.StatusCode == 429 || context.Response.StatusCode == 503).',
  });
}

function checkTotalWait(context: PolicyDocumentContext, retry: XmlElement, count: number | undefined): void {
  const interval = numberAttribute(context, retry, 'interval');
  if (count === undefined || interval === undefined) return;
  const firstFast = constantAttributeValue(context.text, attribute(retry, 'first-fast-retry'))?.trim().toLowerCase() === 'true';
  const optional = (name: string): number | undefined | 'unknown' =>
    attribute(retry, name) === undefined ? undefined : (numberAttribute(context, retry, name) ?? 'unknown');
  const delta = optional('delta');
  const maxInterval = optional('max-interval');
  if (delta === 'unknown' || maxInterval === 'unknown') return;
  const seconds = retryWaitSeconds({ count, interval, delta, maxInterval, firstFastRetry: firstFast });
  if (seconds <= MAX_SENSIBLE_RETRY_WAIT_SECONDS) return;
  context.report({
    span: retry.nameSpan,
    message: `This retry can wait about ${Math.round(seconds)} seconds in total between attempts, longer than most callers wait; lower interval, delta or max-interval (or count) to stay under ${MAX_SENSIBLE_RETRY_WAIT_SECONDS} seconds.`,
  });
}
