import { attribute, childElements, type XmlElement } from '../../policy/syntaxTree';
import { allElements } from '../../policy/treeQueries';
import type { PolicyDocumentContext, PolicyDocumentRule } from '../policyRule';

/**
 * The action attributes of each validation policy, and the child elements that can override each one for part of
 * the message (a top-level action overridden everywhere no longer matters). Per-name overrides (`<parameter>`,
 * `<header>`, `<status-code>`) are deliberate exemptions and are not checked.
 */
const ACTIONS: Readonly<Record<string, readonly { attribute: string; overriddenBy: readonly string[] }[]>> = {
  'validate-content': [
    { attribute: 'unspecified-content-type-action', overriddenBy: [] },
    { attribute: 'size-exceeded-action', overriddenBy: [] },
  ],
  'validate-parameters': [
    { attribute: 'specified-parameter-action', overriddenBy: ['headers', 'query', 'path'] },
    { attribute: 'unspecified-parameter-action', overriddenBy: ['headers', 'query'] },
  ],
  'validate-headers': [
    { attribute: 'specified-header-action', overriddenBy: [] },
    { attribute: 'unspecified-header-action', overriddenBy: [] },
  ],
  'validate-status-code': [{ attribute: 'unspecified-status-code-action', overriddenBy: [] }],
};

/** validate-parameters location elements carry the same two action attributes. */
const PARAMETER_LOCATIONS = new Set(['headers', 'query', 'path']);

const EFFECTS: Readonly<Record<string, string>> = {
  detect: 'only logs violations and lets the message through',
  ignore: 'lets these violations through without logging them (the other actions still apply)',
};

function reportAction(context: PolicyDocumentContext, element: XmlElement, name: string, where: string): void {
  const node = attribute(element, name);
  if (!node?.valueSpan || node.embedded.length > 0) return;
  const value = node.value?.trim().toLowerCase() ?? '';
  const effect = EFFECTS[value];
  if (!effect) return;
  context.report({
    span: node.valueSpan,
    message: `${name}="${value}" on <${where}> ${effect}; set it to "prevent" once the API's schema is trusted.`,
    fixes: [{ title: `Set ${name} to "prevent"`, edits: [{ span: node.valueSpan, newText: 'prevent' }], isPreferred: false }],
  });
}

export const validationNotEnforced: PolicyDocumentRule = {
  meta: {
    id: 'validation-not-enforced',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A validation policy only logs or skips violations instead of blocking them.',
    guidance:
      'With "detect" a validation policy writes violations to the logs and passes the request or response on; with ' +
      '"ignore" it does not check at all. Detect mode is a good first step to learn what real traffic looks like, but in ' +
      'production set the actions to "prevent" so oversized, malformed or undocumented content is rejected. Check the logged ' +
      'violations first, because prevent mode rejects everything the schema does not describe.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/validation-policies',
    productionOnly: true,
  },
  check(context) {
    for (const element of allElements(context.document)) {
      const actions = ACTIONS[element.name];
      if (actions) {
        const children = childElements(element);
        for (const action of actions) {
          const overridden =
            action.overriddenBy.length > 0 &&
            action.overriddenBy.every((location) => children.some((child) => child.name === location && attribute(child, action.attribute)));
          if (!overridden) reportAction(context, element, action.attribute, element.name);
        }
      } else if (element.name === 'content' && element.parent?.name === 'validate-content') {
        reportAction(context, element, 'action', 'content');
      } else if (PARAMETER_LOCATIONS.has(element.name) && element.parent?.name === 'validate-parameters') {
        reportAction(context, element, 'specified-parameter-action', element.name);
        reportAction(context, element, 'unspecified-parameter-action', element.name);
      }
    }
  },
};
