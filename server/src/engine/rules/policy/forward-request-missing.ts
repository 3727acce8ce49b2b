import type { Fix } from '../../findings/finding';
import { childElements, type XmlElement } from '../../policy/syntaxTree';
import { sectionElement } from '../../policy/treeQueries';
import { indentUnit, insertChildEdit, insertSectionEdit } from '../fixes/elementEdits';
import { descendantElements } from '../functions/descendantElements';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

/** In backend: policies that call or answer on their own, or a fragment that may forward. */
const BACKEND_HANDLES_CALL = ['forward-request', 'send-request', 'return-response', 'include-fragment'];
/** In inbound: the document answers before the backend section runs (a mock or a gateway-built response). */
const ANSWERS_IN_INBOUND = ['return-response', 'mock-response'];
/** In outbound: the response is built there instead of coming from a backend. */
const BUILDS_RESPONSE_IN_OUTBOUND = ['set-body', 'set-status', 'return-response', 'mock-response'];

export const forwardRequestMissing: PolicyDocumentRule = {
  meta: {
    id: 'forward-request-missing',
    pillars: ['reliability'],
    defaultSeverity: 'warning',
    title: 'A backend section never forwards the request.',
    guidance:
      'Requests reach the backend only through `forward-request`, which the parent scope normally provides through ' +
      '`<base />`. A backend section with neither sends nothing: callers get an empty answer without any error, ' +
      'which is easy to miss in testing. Add `<base />` (or `forward-request` at the global scope); if the ' +
      'operation is meant to answer from the gateway, say so with `return-response` or `mock-response` in inbound.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/forward-request-policy',
  },
  check(context) {
    const root = context.document.root;
    if (root?.name !== 'policies' || context.scope === 'fragment') return;
    const backend = sectionElement(context.document, 'backend');
    if (!backend) {
      // Below global, a missing section is base-missing's finding; at global nothing else could forward.
      if (context.scope === 'global') reportMissingSection(context, root);
      return;
    }
    const inherits = context.scope !== 'global' && childElements(backend).some((child) => child.name === 'base');
    if (inherits || contains(backend, BACKEND_HANDLES_CALL)) return;
    const inbound = sectionElement(context.document, 'inbound');
    const outbound = sectionElement(context.document, 'outbound');
    if ((inbound && contains(inbound, ANSWERS_IN_INBOUND)) || (outbound && contains(outbound, BUILDS_RESPONSE_IN_OUTBOUND))) return;
    context.report({
      span: backend.nameSpan,
      message:
        context.scope === 'global'
          ? 'This backend section never calls forward-request, so no request reaches any backend; add <forward-request />.'
          : 'This backend section has neither <base /> nor forward-request, so requests never reach the backend; add <base /> (or forward-request).',
      fixes: fixes(context, backend),
    });
  },
};

function reportMissingSection(context: PolicyDocumentContext, root: XmlElement): void {
  const sections = childElements(root);
  const next = sections.find((section) => section.name === 'outbound' || section.name === 'on-error');
  const markup = `<backend>\n${indentUnit(context.document)}<forward-request />\n</backend>`;
  context.report({
    span: root.nameSpan,
    message: 'This global policy has no <backend> section, so no request reaches any backend; add <backend> with <forward-request />.',
    fixes: [{ title: 'Add <backend> with <forward-request />', edits: [insertSectionEdit(context.document, root, markup, next)], isPreferred: false }],
  });
}

function contains(element: XmlElement, names: readonly string[]): boolean {
  return descendantElements(element).some((descendant) => names.includes(descendant.name));
}

function fixes(context: PolicyDocumentContext, backend: XmlElement): Fix[] {
  const forward: Fix = { title: 'Insert <forward-request />', edits: [insertChildEdit(context.document, backend, '<forward-request />')], isPreferred: false };
  if (context.scope === 'global') return [forward];
  return [{ title: 'Insert <base /> to inherit forwarding', edits: [insertChildEdit(context.document, backend, '<base />')], isPreferred: false }, forward];
}
