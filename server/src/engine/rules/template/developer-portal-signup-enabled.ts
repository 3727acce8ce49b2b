import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { isTrueLike, ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';

export const developerPortalSignupEnabled: TemplateRule = {
  meta: {
    id: 'developer-portal-signup-enabled',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'Anyone can sign up in the developer portal.',
    guidance:
      'With sign-up enabled, anyone who finds the developer portal can create an account, browse the published APIs and request subscriptions. ' +
      'Turn sign-up off when consumers are known in advance and invite them instead, or sign them in through Microsoft Entra ID. ' +
      'Public API programmes can keep it, with approval required on their products.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-create-or-invite-developers',
  },
  check(context) {
    const { model } = context;
    for (const settings of resourcesOfType(model.resources, 'service/portalsettings')) {
      if (ownName(settings)?.toLowerCase() !== 'signup') continue;
      const enabled = propertyAt(settings.body, ['properties', 'enabled'])?.value;
      if (enabled === undefined || !isTrueLike(enabled.value())) continue;
      context.report({
        span: enabled.span,
        uncertain: isUncertainValue(enabled),
        message: 'Developer portal sign-up is enabled: anyone can create an account; disable it unless the portal is meant to be public.',
        fixes: [{ title: 'Disable sign-up', edits: [replaceValueEdit(model, enabled, false)], isPreferred: false }],
      });
    }
  },
};
