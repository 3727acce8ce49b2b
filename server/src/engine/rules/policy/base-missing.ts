import type { Fix } from '../../findings/finding';
import { childElements, type XmlDocument, type XmlElement } from '../../policy/syntaxTree';
import { POLICY_SECTIONS, type PolicySection } from '../../policy/policyVocabulary';
import { indentUnit, insertChildEdit, insertSectionEdit } from '../fixes/elementEdits';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';
import type { DocumentScope } from '../../policy/policyVocabulary';

/** The scopes whose policies run above a document at each scope, as a reader would name them. */
const PARENT_SCOPES: Partial<Record<DocumentScope, string>> = {
  workspace: 'global',
  product: 'workspace and global',
  api: 'product, workspace and global',
  operation: 'API, product, workspace and global',
};

/** What the parent scopes typically put in each section, so the message says what is at stake. */
const TYPICALLY_INHERITED: Record<PolicySection, string> = {
  inbound: 'such as authentication, rate limits and IP filtering',
  backend: 'the request forwarding',
  outbound: 'such as response header clean-up',
  'on-error': 'such as error logging and masking of error details',
};

export const baseMissing: PolicyDocumentRule = {
  meta: {
    id: 'base-missing',
    pillars: ['operational-excellence', 'security'],
    defaultSeverity: 'warning',
    title: 'A policy section below the global scope does not include <base />.',
    guidance:
      '`<base />` is where a section runs the same section of the parent scopes; leave it out, or leave the whole ' +
      'section out, and the product, workspace and global policies for that section silently stop applying, ' +
      'including controls a platform team relies on. Put `<base />` first in every section unless you mean to ' +
      'replace the parent policies, and say so in a suppression comment when you do.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-policies',
  },
  check(context) {
    const root = context.document.root;
    const parents = context.scope && PARENT_SCOPES[context.scope];
    if (root?.name !== 'policies' || !parents) return;
    const sections = childElements(root);
    POLICY_SECTIONS.forEach((name, order) => {
      const section = sections.find((element) => element.name === name);
      // Seen in its folder: nothing is lost when every parent scope's section is empty.
      const drops = context.parentSectionDrops ? context.parentSectionDrops(name) : undefined;
      if (drops === false) return;
      // Seen alone (a policy embedded in a template), the parents may well be empty: say so, at info.
      const uncertain = drops === undefined;
      const unseen = uncertain ? ' (APIM Studio cannot see the parent scopes, so it cannot tell whether they have any)' : '';
      if (!section) {
        const next = sections.find((element) => POLICY_SECTIONS.indexOf(element.name as PolicySection) > order);
        context.report({
          span: root.nameSpan,
          message: `This policy has no <${name}> section, so the ${parents} ${name} policies (${TYPICALLY_INHERITED[name]}) do not run${unseen}; add the section with <base />.`,
          uncertain,
          guess: uncertain,
          fixes: [addSectionFix(context.document, root, name, next)],
        });
        return;
      }
      // A backend without <base /> either forwards itself (a deliberate override) or never forwards,
      // which forward-request-missing reports with a better message.
      if (name === 'backend' || childElements(section).some((child) => child.name === 'base')) return;
      context.report({
        span: section.nameSpan,
        message: `This <${name}> section has no <base />, so the ${parents} ${name} policies (${TYPICALLY_INHERITED[name]}) do not run${unseen}; add <base /> as its first policy.`,
        uncertain,
        guess: uncertain,
        fixes: [addBaseFix(context, section)],
      });
    });
  },
};

function addBaseFix(context: PolicyDocumentContext, section: XmlElement): Fix {
  return { title: 'Insert <base /> first in the section', edits: [insertChildEdit(context.document, section, '<base />')], isPreferred: true };
}

function addSectionFix(document: XmlDocument, root: XmlElement, name: PolicySection, before: XmlElement | undefined): Fix {
  const markup = `<${name}>\n${indentUnit(document)}<base />\n</${name}>`;
  return { title: `Add <${name}> with <base />`, edits: [insertSectionEdit(document, root, markup, before)], isPreferred: true };
}
