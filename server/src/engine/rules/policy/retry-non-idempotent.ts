import type { Fix } from '../../findings/finding';
import { attribute, type XmlAttribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed, textContent } from '../../policy/treeQueries';
import { descendantElements, hasAncestorNamed } from '../functions/descendantElements';
import { looksLikeModelInference } from '../functions/modelInferenceEvidence';
import { expressionCode } from '../functions/policyExpressions';
import { retriesAfterPossibleProcessing } from '../functions/retryTriggers';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

const NON_IDEMPOTENT = /^(POST|PATCH)$/i;
/** A condition that looks at the method has made its own choice about which requests to repeat. */
const CHECKS_METHOD = /\bRequest\s*\??\s*\.\s*Method\b/;
/** Containers whose own request is not the one `forward-request` sends. */
const OTHER_REQUESTS = ['send-request', 'send-one-way-request', 'return-response'];

export const retryNonIdempotent: PolicyDocumentRule = {
  meta: {
    id: 'retry-non-idempotent',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'A retry can repeat a POST or PATCH request that the backend already processed.',
    guidance:
      'A backend can act on a request and still fail to answer in time, or answer with a 500, 502 or 504; retrying ' +
      'then runs the request again, and for POST or PATCH that can create a second order or apply a change twice. ' +
      'Retry these methods only on answers that mean the request was refused (429 or 503), leave them out of the ' +
      'retry condition with a check of context.Request.Method, or make the backend idempotent (for example with ' +
      'an idempotency key header). Retrying calls without side effects, such as most model inference calls, is fine.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/retry-policy',
  },
  check(context) {
    if (looksLikeModelInference(context.document)) return;
    for (const retry of elementsNamed(context.document, 'retry')) {
      const condition = attribute(retry, 'condition');
      const code = conditionCode(context.text, condition);
      if (code === undefined || CHECKS_METHOD.test(code) || !condition?.valueSpan) continue;
      const reason = retriesAfterPossibleProcessing(code);
      if (!reason) continue;
      const sentMethod = methodSentInside(retry);
      const forwards = descendantElements(retry).some((element) => element.name === 'forward-request');
      if (!forwards && !sentMethod) continue;
      const method = sentMethod ?? forwardedMethod(context, retry);
      const subject = method
        ? `This retry repeats a ${method} request and ${reason}`
        : `If this API has POST or PATCH operations, this retry can repeat them: ${reason}`;
      context.report({
        span: condition.valueSpan,
        message: `${subject}; retry those methods only on 429 or 503, or exclude them in the condition.`,
        fixes: forwards ? [excludeMethodsFix(context.text, condition, code)] : [],
        // Without the method in sight this is a question for the author, not a defect.
        uncertain: method === undefined,
      });
    }
  },
};

function conditionCode(text: string, condition: XmlAttribute | undefined): string | undefined {
  if (!condition || condition.value === undefined) return undefined;
  const only = condition.embedded.length === 1 ? condition.embedded[0] : undefined;
  if (only?.kind === 'expression') return only.closed && only.form === 'single' ? expressionCode(text, only) : undefined;
  return condition.embedded.length === 0 ? condition.value : undefined;
}

/** The method of a send-request inside the retry, when it is a literal POST or PATCH. */
function methodSentInside(retry: XmlElement): string | undefined {
  for (const request of descendantElements(retry).filter((element) => element.name === 'send-request')) {
    const setMethod = request.children.find((child): child is XmlElement => child.kind === 'element' && child.name === 'set-method');
    const method = setMethod && textContent(setMethod).trim();
    if (method && NON_IDEMPOTENT.test(method)) return method.toUpperCase();
  }
  return undefined;
}

/**
 * The method the forwarded request is known to have: the retry sits in a `when` that tests for POST or PATCH,
 * or the document rewrites the request's method to one with `set-method`.
 */
function forwardedMethod(context: PolicyDocumentContext, retry: XmlElement): string | undefined {
  for (let ancestor = retry.parent; ancestor; ancestor = ancestor.parent) {
    if (ancestor.name !== 'when') continue;
    const tested = conditionCode(context.text, attribute(ancestor, 'condition'));
    const match = tested && /\bMethod\s*==\s*"(POST|PATCH)"/i.exec(tested);
    if (match) return match[1].toUpperCase();
  }
  for (const setMethod of elementsNamed(context.document, 'set-method')) {
    if (hasAncestorNamed(setMethod, OTHER_REQUESTS)) continue;
    const method = textContent(setMethod).trim();
    if (NON_IDEMPOTENT.test(method)) return method.toUpperCase();
  }
  return undefined;
}

/** Adds a method check to the condition, keeping the author's test as it is. */
function excludeMethodsFix(text: string, condition: XmlAttribute, code: string): Fix {
  const quote = condition.quote === '"' ? '&quot;' : '"';
  const only = condition.embedded[0];
  const original = only?.kind === 'expression' ? text.slice(only.codeSpan.start, only.codeSpan.end).trim() : code.trim();
  const methodCheck = `context.Request.Method != ${quote}POST${quote} && context.Request.Method != ${quote}PATCH${quote}`;
  return {
    title: 'Retry only methods other than POST and PATCH',
    edits: [{ span: condition.valueSpan ?? condition.span, newText: `@(${methodCheck} && (${original}))` }],
    isPreferred: false,
  };
}
