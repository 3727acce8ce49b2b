import type { XmlElement } from '../../policy/syntaxTree';
import { elementsNamed, sectionElement, sectionOf } from '../../policy/treeQueries';
import { answersEveryRequest } from '../functions/answersEveryRequest';
import { bodyReadsIn, type BodyRead } from '../functions/bodyReads';
import { hasAncestorNamed } from '../functions/descendantElements';
import { policyExpressions } from '../functions/policyExpressions';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

/** Policies that build a message of their own: a set-body inside them does not refill the current one. */
const OTHER_MESSAGES = ['send-request', 'send-one-way-request'];

export const bodyReadWithoutPreserve: PolicyDocumentRule = {
  meta: {
    id: 'body-read-without-preserve',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'A policy expression reads the message body without preserveContent: true.',
    guidance:
      '`Body.As<T>()` reads the original body stream and leaves it empty afterwards unless you pass ' +
      '`preserveContent: true`. Read the request body that way in inbound and the backend receives an empty body; ' +
      'read the response body that way in outbound and the caller does. Pass `preserveContent: true` (the quick fix) ' +
      'unless a later `set-body` replaces the body anyway; the copy costs some memory for large bodies.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-policy-expressions',
  },
  check(context) {
    const isFragment = context.document.root?.name === 'fragment';
    for (const located of policyExpressions(context.document)) {
      const section = sectionOf(located.element);
      for (const read of bodyReadsIn(context.text, located.expression)) {
        const edit = read.preserveEdit;
        if (!edit) continue;
        const passedOn = passedOnMessage(read, section, isFragment);
        if (!passedOn || bodyReplacedLater(context, read, located.element, passedOn)) continue;
        context.report({
          span: read.span,
          message: `This reads the ${passedOn} body without preserveContent: true, so the ${passedOn === 'request' ? 'backend' : 'caller'} gets an empty body; pass preserveContent: true.`,
          fixes: [{ title: 'Pass preserveContent: true', edits: [edit], isPreferred: true }],
        });
      }
    }
  },
};

/** Which message still travels on after the read: the request before it is forwarded, the response in outbound. */
function passedOnMessage(read: BodyRead, section: string | undefined, isFragment: boolean): 'request' | 'response' | undefined {
  if (read.message === 'request' && (section === 'inbound' || section === 'backend' || isFragment)) return 'request';
  if (read.message === 'response' && (section === 'outbound' || isFragment)) return 'response';
  return undefined;
}

/**
 * True when the emptied body never travels on: a `set-body` for the same message contains the read or comes
 * after it, the request is never forwarded (the read sits in a `return-response`, or inbound always answers),
 * or the read comes after forward-request in backend.
 */
function bodyReplacedLater(context: PolicyDocumentContext, read: BodyRead, holder: XmlElement, message: 'request' | 'response'): boolean {
  if (message === 'request' && (holder.name === 'return-response' || hasAncestorNamed(holder, ['return-response']))) return true;
  const section = sectionOf(holder);
  const inbound = sectionElement(context.document, 'inbound');
  if (message === 'request' && section === 'inbound' && inbound && answersEveryRequest(inbound)) return true;
  const refills = elementsNamed(context.document, 'set-body').some(
    (body) =>
      body.span.end > read.span.start &&
      sectionOf(body) === section &&
      !hasAncestorNamed(body, OTHER_MESSAGES) &&
      (message === 'response' || !hasAncestorNamed(body, ['return-response'])),
  );
  if (refills) return true;
  return (
    message === 'request' &&
    elementsNamed(context.document, 'forward-request').some((forward) => forward.span.end <= read.span.start && sectionOf(forward) === section)
  );
}
