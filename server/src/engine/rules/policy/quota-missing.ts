import { attribute } from '../../policy/syntaxTree';
import { sectionElement } from '../../policy/treeQueries';
import { descendantElements } from '../functions/descendantElements';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyDocumentRule } from '../policyRule';

/** Policies that cap usage over a long period. */
const QUOTA_POLICIES = ['quota', 'quota-by-key'];
/** Token limits count as a quota when they set one. */
const TOKEN_LIMIT_POLICIES = ['llm-token-limit', 'azure-openai-token-limit'];

const QUOTA_MARKUP = '<quota calls="10000" renewal-period="2592000" />';

export const quotaMissing: PolicyDocumentRule = {
  meta: {
    id: 'quota-missing',
    pillars: ['cost-optimization'],
    defaultSeverity: 'info',
    title: 'A product policy sets no usage quota.',
    guidance:
      'A product is the plan subscribers sign up for, and a quota is what makes the plan finite: without one a single ' +
      'subscription can consume as much as it likes over a month, however strict the per-minute rate limit is. Add ' +
      '`quota` (calls and/or bandwidth per subscription, per renewal period) to the inbound section of the product ' +
      'policy. Products that are meant to be unlimited, such as an internal plan, can turn the rule off for that file.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/quota-policy',
  },
  check(context) {
    if (context.scope !== 'product') return;
    const inbound = sectionElement(context.document, 'inbound');
    const statements = inbound ? descendantElements(inbound) : [];
    // A fragment could hold the quota; it is out of sight here.
    if (statements.some((element) => element.name === 'include-fragment')) return;
    const hasQuota = statements.some(
      (element) => QUOTA_POLICIES.includes(element.name) || (TOKEN_LIMIT_POLICIES.includes(element.name) && attribute(element, 'token-quota') !== undefined),
    );
    if (hasQuota) return;
    const edit = insertIntoSectionEdit(context.document, 'inbound', QUOTA_MARKUP);
    context.report({
      span: missingPolicyAnchor(context.document, 'inbound'),
      message: 'This product sets no quota, so one subscription can use the APIs without bound over time: add quota to inbound.',
      fixes: edit ? [{ title: 'Add quota to inbound', edits: [edit], isPreferred: false }] : [],
    });
  },
};
