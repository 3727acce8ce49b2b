import { attribute, type XmlDocument } from '../../policy/syntaxTree';
import { elementsNamed, textContent } from '../../policy/treeQueries';
import { constantAttributeValue } from '../functions/constantValue';
import { policyExpressions } from '../functions/policyExpressions';
import type { PolicyDocumentRule } from '../policyRule';

export const sendRequestErrorsIgnored: PolicyDocumentRule = {
  meta: {
    id: 'send-request-errors-ignored',
    pillars: ['reliability', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'send-request ignores errors and nothing reads its response.',
    guidance:
      'With `ignore-error="true"` a failed call leaves its response variable null instead of raising an error, ' +
      'which only helps when a later policy checks that variable. When nothing reads it, a timeout or an ' +
      'unreachable service goes unnoticed and the request carries on as if the call worked. Check the variable ' +
      '(for example in a `choose`), drop `ignore-error` so failures reach on-error, or use `send-one-way-request` ' +
      'when the answer really does not matter.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/send-request-policy',
  },
  check(context) {
    const root = context.document.root;
    // A fragment's caller, or a fragment this policy includes, may read the variable: this document cannot tell.
    if (root?.name !== 'policies' || context.scope === 'fragment') return;
    if (elementsNamed(context.document, 'include-fragment').length > 0) return;
    for (const request of elementsNamed(context.document, 'send-request')) {
      const ignoreError = attribute(request, 'ignore-error');
      if (constantAttributeValue(context.text, ignoreError)?.trim() !== 'true' || !ignoreError) continue;
      const name = attribute(request, 'response-variable-name')?.value?.trim();
      if (!name || isRead(context.document, name)) continue;
      context.report({
        span: ignoreError.span,
        message: `This send-request ignores errors, but nothing reads its response variable "${name}", so a failed call goes unnoticed; check the variable for null, or use send-one-way-request if the answer does not matter.`,
      });
    }
  },
};

/** The name appears as a string literal in some expression, or in a Liquid template (context.Variables["name"]). */
function isRead(document: XmlDocument, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = new RegExp(`"${escaped}"`);
  if (policyExpressions(document).some((located) => quoted.test(located.code))) return true;
  const liquid = new RegExp(`"${escaped}"|\\.${escaped}\\b`);
  return elementsNamed(document, 'set-body').some((body) => attribute(body, 'template') !== undefined && liquid.test(textContent(body)));
}
