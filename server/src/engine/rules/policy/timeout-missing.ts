import type { Fix } from '../../findings/finding';
import { attribute, type XmlAttribute, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed, sectionElement } from '../../policy/treeQueries';
import { answersEveryRequest } from '../functions/answersEveryRequest';
import { constantAttributeValue } from '../functions/constantValue';
import { looksLikeModelInference } from '../functions/modelInferenceEvidence';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

/** A timeout above this keeps callers and gateway connections waiting on a backend that is most likely gone. */
const MAX_SENSIBLE_TIMEOUT_SECONDS = 120;
/** forward-request waits this long when no timeout is set (send-request's default of 60 s is accepted). */
const FORWARD_REQUEST_DEFAULT_SECONDS = 300;
const SUGGESTED_TIMEOUT = 30;
/** Model completions routinely run for a minute or more, so a short API-style timeout would cut them off. */
const SUGGESTED_MODEL_TIMEOUT = 120;

export const timeoutMissing: PolicyDocumentRule = {
  meta: {
    id: 'timeout-missing',
    pillars: ['reliability', 'performance-efficiency'],
    defaultSeverity: 'info',
    title: 'A backend call has no timeout or a very long one.',
    guidance:
      `Without a timeout, forward-request waits ${FORWARD_REQUEST_DEFAULT_SECONDS} seconds for a silent backend, far longer than most ` +
      'callers wait, so slow failures tie up gateway connections and surface late. Set a timeout a little above ' +
      "the backend's normal worst-case response time, so a hung backend fails fast and retry or on-error can react. " +
      'Long-running calls such as streamed model completions may need more: set that value deliberately.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/forward-request-policy',
  },
  check(context) {
    // A mocked operation answers every request in inbound, so its forward-request never runs.
    const inbound = sectionElement(context.document, 'inbound');
    const mocked = inbound !== undefined && answersEveryRequest(inbound);
    for (const call of elementsNamed(context.document, 'forward-request', 'send-request', 'send-one-way-request')) {
      if (mocked && call.name === 'forward-request') continue;
      const seconds = attribute(call, 'timeout');
      const milliseconds = call.name === 'forward-request' ? attribute(call, 'timeout-ms') : undefined;
      if (seconds) reportLong(context, call, seconds, 1);
      else if (milliseconds) reportLong(context, call, milliseconds, 1000);
      else if (call.name === 'forward-request') {
        const model = looksLikeModelInference(context.document);
        const suggested = model ? SUGGESTED_MODEL_TIMEOUT : SUGGESTED_TIMEOUT;
        const need = model ? 'a little above your longest expected completion' : 'to what the backend needs';
        context.report({
          span: call.nameSpan,
          message: `This forward-request has no timeout, so it waits up to ${FORWARD_REQUEST_DEFAULT_SECONDS} seconds for the ${model ? 'model endpoint' : 'backend'}; set timeout ${need}, for example timeout="${suggested}".`,
          fixes: [addTimeoutFix(call, suggested)],
        });
      }
    }
  },
};

function reportLong(context: PolicyDocumentContext, call: XmlElement, timeout: XmlAttribute, unitsPerSecond: number): void {
  const value = constantAttributeValue(context.text, timeout);
  if (value === undefined || !/^\s*\d+\s*$/.test(value) || !timeout.valueSpan) return;
  const seconds = Number(value) / unitsPerSecond;
  if (seconds <= MAX_SENSIBLE_TIMEOUT_SECONDS) return;
  context.report({
    span: timeout.valueSpan,
    message: `This ${call.name} waits up to ${seconds} seconds for an answer; keep ${timeout.name} at ${MAX_SENSIBLE_TIMEOUT_SECONDS} seconds or less unless the call really runs that long.`,
  });
}

function addTimeoutFix(call: XmlElement, seconds: number): Fix {
  return {
    title: `Add timeout="${seconds}"`,
    edits: [{ span: { start: call.nameSpan.end, end: call.nameSpan.end }, newText: ` timeout="${seconds}"` }],
    isPreferred: false,
  };
}
